/**
 * antd's locale objects for our two languages. Vite bundles antd's ES build, where the default
 * export is the locale itself; TypeScript (NodeNext) sees the same file as CommonJS with a
 * `default` property. `interopDefault` accepts both shapes.
 */
import zhModule from 'antd/es/locale/zh_CN.js';
import enModule from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import type { Language } from '../i18n/index.js';

function interopDefault(m: { default: Locale }): Locale {
  const value: unknown = m;
  const isLocale = typeof value === 'object' && value !== null && 'locale' in value;
  return isLocale ? (value as Locale) : m.default;
}

export const antdLocales: Record<Language, Locale> = { 'zh-CN': interopDefault(zhModule), 'en-US': interopDefault(enModule) };
