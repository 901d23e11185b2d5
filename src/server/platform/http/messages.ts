/**
 * User-facing message catalogue for errors (zh-CN first, en-US beside it). Modules add
 * their own entries through their manifest's `messages`.
 */
export type Lang = 'zh-CN' | 'en-US';
export interface Message {
  zh: string;
  en: string;
}

const catalogue = new Map<string, Message>();

export function registerMessages(entries: Record<string, Message>): void {
  for (const [code, message] of Object.entries(entries)) catalogue.set(code, message);
}

registerMessages({
  internal: { zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please try again later' },
  not_found: { zh: '资源不存在或无权访问', en: 'Not found or not accessible' },
  route_not_found: { zh: '接口不存在', en: 'No such endpoint' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  forbidden: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  invalid: { zh: '提交的数据不符合要求', en: 'The submitted data is invalid' },
  invalid_json: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  body_too_large: { zh: '请求内容过大', en: 'The request body is too large' },
  unsupported_media_type: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  conflict: { zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  rate_limited: { zh: '请求过于频繁，请 {seconds} 秒后再试', en: 'Too many requests; try again in {seconds} s' },
  pow_required: { zh: '请求较多，请先完成验证（计算 {difficulty} 位工作量证明）后重试', en: 'Please complete the check (a {difficulty}-bit proof of work) and send again' },
  ref_not_found: { zh: '引用的记录不存在或无权访问', en: 'A referenced record does not exist or is not accessible' },
  retry: { zh: '数据正被他人修改，请重试', en: 'The data changed meanwhile; please retry' },
  csrf: { zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and retry' },
});

/** Picks zh-CN unless the client prefers English (Accept-Language, with q-values). */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((l) => l.tag.startsWith('en') || l.tag.startsWith('zh'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('en') ? 'en-US' : 'zh-CN';
}

/** Translates a message code, filling `{name}` placeholders. Unknown codes fall back to `invalid`. */
export function translate(code: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const message = catalogue.get(code) ?? catalogue.get('invalid')!;
  const text = lang === 'en-US' ? message.en : message.zh;
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

export function hasMessage(code: string): boolean {
  return catalogue.has(code);
}
