import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function FullPageSpin() {
  return (
    <div className="gz-center" data-testid="page-loading">
      <Spin size="large" />
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('errors.notFound')}
      subTitle={t('errors.notFoundHint')}
      extra={<Link to="/"><Button type="primary">{t('errors.goHome')}</Button></Link>}
    />
  );
}

export function ForbiddenResult() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('errors.forbidden')} data-testid="forbidden" />;
}
