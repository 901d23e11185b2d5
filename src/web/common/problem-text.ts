/**
 * Turns any thrown value into the sentence the user sees. Server problems are already
 * localized (we send Accept-Language); network failures and 429s get our own wording so
 * the wait time is always shown.
 */
import type { TFunction } from 'i18next';
import { isApiProblem } from '../api/problem.js';

export function problemText(error: unknown, t: TFunction): string {
  if (!isApiProblem(error)) return t('errors.unknown');
  if (error.status === 0) return t('errors.network');
  if (error.status === 429) {
    const seconds = error.retryAfter ?? 60;
    return error.detail && error.detail.includes(String(seconds)) ? error.detail : t('errors.rateLimited', { seconds });
  }
  if (error.status === 401 && error.code === 'unauthenticated') return t('errors.sessionExpired');
  if (error.detail && error.detail !== error.title) return `${error.title} — ${error.detail}`;
  return error.title;
}
