import type { Me } from '../api/types.js';
import { homeOf } from './auth.api.js';

/**
 * Where to go after signing in: the `next` page if it is one of ours and fits the account's
 * kind, else its home. Only same-site paths are accepted (no `//host` open redirects).
 */
export function afterLogin(me: Me, next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login') || next.startsWith('/register')) return homeOf(me);
  if (me.kind === 'resident' && next.startsWith('/console')) return homeOf(me);
  return next;
}
