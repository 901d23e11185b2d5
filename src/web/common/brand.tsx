import { useTranslation } from 'react-i18next';

/** The logo mark and name. `light` for dark backgrounds. */
export function Brand({ light = false, compact = false }: { light?: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`gz-brand${light ? ' gz-brand--light' : ''}`}>
      <span className="gz-brand__mark" aria-hidden>共</span>
      {compact ? null : (
        <span className="gz-brand__text">
          <span className="gz-brand__name">{t('app.name')}</span>
          <span className="gz-brand__sub">{t('app.subtitle')}</span>
        </span>
      )}
    </span>
  );
}
