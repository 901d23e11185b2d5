/**
 * Message templates: modules register what their messages say, by key, in both languages
 * (`registerTemplates({ 'case.dispatched': { 'zh-CN': (p) => ({ title, body }), 'en-US': … } })`).
 * The outbox stores only the key and the parameters; the text is rendered at delivery for
 * email/SMS/WeChat (in zh-CN, the default language of recipients) and at reading time for
 * in-app notifications (in the reader's language).
 */
import type { Lang } from '../http/messages.js';

export type { Lang };
export const DEFAULT_LANG: Lang = 'zh-CN';

export type TemplateParams = Record<string, unknown>;

export interface RenderedText {
  title: string;
  body: string;
}

export type Renderer = (params: TemplateParams) => RenderedText;

export interface TemplateDef {
  'zh-CN': Renderer;
  'en-US': Renderer;
  /** Where the message points in the web app (e.g. `/console/cases/12`), kept with in-app notifications. */
  link?: (params: TemplateParams) => string | null | undefined;
}

export interface Rendered extends RenderedText {
  link: string | null;
}

/** A template that is missing or cannot render its parameters: the message can never be sent. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const registry = new Map<string, TemplateDef>();

/**
 * Adds (or replaces) templates. Modules call it once at import time from their notices
 * file; the delivery job and the notifications API look templates up by key.
 */
export function registerTemplates(map: Record<string, TemplateDef>): void {
  for (const [key, def] of Object.entries(map)) registry.set(key, def);
}

export function hasTemplate(key: string): boolean {
  return registry.has(key);
}

/** Renders `key` with `params` in `lang`; throws {@link TemplateError} for an unknown key or a failing renderer. */
export function renderTemplate(key: string, params: TemplateParams, lang: Lang = DEFAULT_LANG): Rendered {
  const def = registry.get(key);
  if (!def) throw new TemplateError(`unknown template "${key}" (no module registered it)`);
  try {
    const { title, body } = def[lang](params);
    const link = def.link?.(params) ?? null;
    return { title: String(title), body: String(body), link };
  } catch (err) {
    throw new TemplateError(`template "${key}" failed to render: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Renders for display: a template removed since delivery shows its key instead of failing the list. */
export function renderForDisplay(key: string, params: TemplateParams, lang: Lang): RenderedText {
  try {
    return renderTemplate(key, params, lang);
  } catch {
    return { title: key, body: '' };
  }
}
