// Typed translation keys: `t('nav.orgz')` is a compile error.
import 'i18next';
import type { zhCN } from './zh-CN.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
