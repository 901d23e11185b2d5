/**
 * The resident's home on a phone: greeting and grid, the big 我要反映 entry, their latest
 * cases, the public list and tracking by code, 监督举报 and 举报查询, and the emergency numbers.
 */
import { EditOutlined, EnvironmentOutlined, LogoutOutlined, PhoneOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../auth/auth.api.js';
import { useSignedInMe } from '../auth/me-context.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { CaseCard } from './case-card.js';
import { useMyCases } from './resident.api.js';

function RecentCases() {
  const { t } = useTranslation();
  const cases = useMyCases();
  const items = cases.data?.pages[0]?.items.slice(0, 3) ?? [];
  return (
    <Card
      className="gz-mobile__card"
      size="small"
      title={t('resident.home.recent')}
      extra={<Link to="/m/cases" data-testid="home-all-cases">{t('resident.home.all')} <RightOutlined /></Link>}
      data-testid="home-recent"
    >
      {cases.error ? <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {cases.isSuccess && items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mobile.noCases')} /> : null}
      <Flex vertical gap={10}>
        {items.map((c) => <CaseCard key={c.id} c={c} to={`/m/cases/${c.id}`} />)}
      </Flex>
    </Card>
  );
}

export function MobileHome() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const area = me.grants.find((g) => g.role === 'resident') ?? me.grants[0];

  return (
    <div data-testid="mobile-home">
      <section className="gz-mobile__hero">
        <Typography.Title level={3} className="gz-mobile__greeting" data-testid="mobile-greeting">
          {t('mobile.greeting', { name: me.displayName })}
        </Typography.Title>
        <div className="gz-mobile__area">
          <EnvironmentOutlined /> {area?.nodeName ?? t('mobile.noArea')}
        </div>
      </section>
      <Flex vertical gap={12} className="gz-mobile__body">
        <Link to="/m/new" className="gz-res-entry" data-testid="home-new">
          <EditOutlined className="gz-res-entry__icon" />
          <span>
            <div className="gz-res-entry__title">{t('resident.form.title')}</div>
            <div className="gz-res-entry__hint">{t('resident.home.reportHint')}</div>
          </span>
        </Link>
        <div className="gz-res-links">
          <Link to="/m/public" className="gz-res-link" data-testid="home-public">
            <span className="gz-res-link__title">{t('resident.public.title')}</span>
            <span className="gz-res-link__hint">{t('resident.home.publicHint')}</span>
          </Link>
          <Link to="/track" className="gz-res-link" data-testid="home-track">
            <span className="gz-res-link__title">{t('resident.track.title')}</span>
            <span className="gz-res-link__hint">{t('resident.home.trackHint')}</span>
          </Link>
        </div>
        {/* 监督举报 works signed out too; from here it is one tap, anonymous by default. */}
        <div className="gz-res-links">
          <Link to="/m/supervision/report" className="gz-res-link" data-testid="home-supervision-report">
            <span className="gz-res-link__title">{t('supervision.home.report')}</span>
            <span className="gz-res-link__hint">{t('supervision.home.reportHint')}</span>
          </Link>
          <Link to="/m/supervision/follow-up" className="gz-res-link" data-testid="home-supervision-follow-up">
            <span className="gz-res-link__title">{t('supervision.home.followUp')}</span>
            <span className="gz-res-link__hint">{t('supervision.home.followUpHint')}</span>
          </Link>
        </div>
        {/* 信访: the resident's own petitions and 网上信访. */}
        <div className="gz-res-links">
          <Link to="/m/petitions" className="gz-res-link" data-testid="home-petitions">
            <span className="gz-res-link__title">{t('petitions.resident.home')}</span>
            <span className="gz-res-link__hint">{t('petitions.resident.homeHint')}</span>
          </Link>
          <Link to="/m/petitions/new" className="gz-res-link" data-testid="home-petition-new">
            <span className="gz-res-link__title">{t('petitions.resident.newTitle')}</span>
            <span className="gz-res-link__hint">{t('petitions.resident.newShort')}</span>
          </Link>
        </div>
        <RecentCases />
        <Card className="gz-mobile__card gz-mobile__notice" size="small">
          <PhoneOutlined /> {t('mobile.hotline')}
        </Card>
        {me.kind === 'staff' ? <Link to="/console"><Button block>{t('mobile.consoleLink')}</Button></Link> : null}
        <Button block icon={<LogoutOutlined />} onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })} data-testid="mobile-logout">
          {t('auth.logout')}
        </Button>
      </Flex>
    </div>
  );
}
