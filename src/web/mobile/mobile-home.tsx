/**
 * The resident's home on a phone: greeting, their grid, and the place where "我要反映"
 * (raising a matter) will live once the cases module ships — shown as a plain notice,
 * not a button that does nothing.
 */
import { EnvironmentOutlined, FileTextOutlined, LogoutOutlined, MessageOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../auth/auth.api.js';
import { useSignedInMe } from '../auth/me-context.js';
import { Brand } from '../common/brand.js';
import { LanguageSwitch } from '../common/language-switch.js';

export function MobileHome() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const area = me.grants.find((g) => g.role === 'resident') ?? me.grants[0];

  return (
    <div className="gz-mobile" data-testid="mobile-home">
      <header className="gz-mobile__bar">
        <Brand />
        <LanguageSwitch />
      </header>
      <section className="gz-mobile__hero">
        <Typography.Title level={3} className="gz-mobile__greeting" data-testid="mobile-greeting">
          {t('mobile.greeting', { name: me.displayName })}
        </Typography.Title>
        <div className="gz-mobile__area">
          <EnvironmentOutlined /> {area?.nodeName ?? t('mobile.noArea')}
        </div>
      </section>
      <Flex vertical gap={12} className="gz-mobile__body">
        <Card className="gz-mobile__card" data-testid="report-placeholder">
          <Flex gap={12} align="flex-start">
            <MessageOutlined className="gz-mobile__icon" />
            <div>
              <Typography.Title level={5} style={{ marginTop: 0 }}>{t('mobile.report')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('mobile.reportSoon')}</Typography.Paragraph>
            </div>
          </Flex>
        </Card>
        <Card className="gz-mobile__card" title={<span><FileTextOutlined /> {t('mobile.myCases')}</span>} size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mobile.noCases')} />
        </Card>
        <Card className="gz-mobile__card gz-mobile__notice" size="small">
          <PhoneOutlined /> {t('mobile.hotline')}
        </Card>
        {me.kind === 'staff' ? <Link to="/console"><Button block>{t('mobile.consoleLink')}</Button></Link> : null}
        <Button block icon={<LogoutOutlined />} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })} data-testid="mobile-logout">
          {t('auth.logout')}
        </Button>
      </Flex>
    </div>
  );
}
