/**
 * Sign-in with username or phone. Residents land on the mobile pages, staff on the console.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Brand } from '../common/brand.js';
import { LanguageSwitch } from '../common/language-switch.js';
import { FullPageSpin } from '../common/page-state.js';
import { problemText } from '../common/problem-text.js';
import { useLogin, useMe } from './auth.api.js';
import { afterLogin } from './safe-next.js';

interface Values {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);

  if (isPending) return <FullPageSpin />;
  if (me && !login.isPending) return <Navigate to={afterLogin(me, params.get('next'))} replace />;

  const submit = async (values: Values) => {
    setError(null);
    try {
      const signedIn = await login.mutateAsync(values);
      if (signedIn) navigate(afterLogin(signedIn, params.get('next')), { replace: true });
    } catch (e) {
      setError(problemText(e, t));
    }
  };

  return (
    <div className="gz-auth">
      <div className="gz-auth__hero">
        <Brand light />
        <Typography.Title level={2} className="gz-auth__slogan">{t('auth.loginSubtitle')}</Typography.Title>
      </div>
      <div className="gz-auth__panel">
        <div className="gz-auth__lang"><LanguageSwitch /></div>
        <Card className="gz-auth__card" variant="borderless">
          <div className="gz-auth__mobile-brand"><Brand /></div>
          <Typography.Title level={3}>{t('auth.loginTitle')}</Typography.Title>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
          <Form<Values> layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)} data-testid="login-form">
            <Form.Item name="login" label={t('auth.login')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('auth.login') }) }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-name" />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required', { field: t('auth.password') }) }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('auth.loginButton')}
            </Button>
          </Form>
          <div className="gz-auth__foot">
            {t('auth.noAccount')} <Link to="/register" data-testid="register-link">{t('auth.registerLink')}</Link>
          </div>
          {/* A reporter must be able to report without an account (and is safest without one). */}
          <div className="gz-auth__foot">
            {t('auth.supervisionNoLogin')} <Link to="/m/supervision/report" data-testid="login-supervision-report">{t('supervision.home.report')}</Link>
            {' · '}
            <Link to="/m/supervision/follow-up" data-testid="login-supervision-follow-up">{t('supervision.home.followUp')}</Link>
          </div>
          {/* The demo password is public, but a real deployment should not advertise it. */}
          {import.meta.env.DEV ? <Typography.Paragraph type="secondary" className="gz-auth__hint">{t('auth.demoHint')}</Typography.Paragraph> : null}
        </Card>
      </div>
    </div>
  );
}
