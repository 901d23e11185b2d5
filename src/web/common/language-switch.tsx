import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '../i18n/index.js';

/** 中文 / English; the choice is kept in localStorage and sent to the server as Accept-Language. */
export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  const value: Language = i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <Segmented<Language>
      size={size}
      value={value}
      aria-label={t('lang.label')}
      data-testid="lang-switch"
      options={languages.map((l) => ({ value: l, label: <span data-testid={`lang-${l}`}>{t(`lang.${l}`)}</span> }))}
      onChange={(l) => void setLanguage(l)}
    />
  );
}
