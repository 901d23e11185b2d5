/**
 * Resident registration, phone first and laid out for a phone screen. The resident picks
 * their community and grid; the server signs them in on success.
 */
import { Alert, Button, Card, Cascader, Form, Input, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, call } from '../api/client.js';
import { Brand } from '../common/brand.js';
import { LanguageSwitch } from '../common/language-switch.js';
import { useProblem } from '../common/use-problem.js';
import { homeOf, useMe, useRegister } from './auth.api.js';
import { areaOptions } from './area-options.js';

interface Values {
  phone: string;
  username?: string;
  displayName: string;
  password: string;
  area: number[];
}

const PHONE = /^1\d{10}$/;

export function RegisterPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { data: me } = useMe();
  const register = useRegister();
  const report = useProblem();
  const navigate = useNavigate();
  const nodes = useQuery({ queryKey: ['public', 'nodes'], queryFn: () => call(api.GET('/api/public/nodes')), staleTime: 10 * 60_000 });
  const options = useMemo(() => areaOptions(nodes.data?.items ?? []), [nodes.data]);

  if (me && !register.isPending) return <Navigate to={homeOf(me)} replace />;

  const submit = async (v: Values) => {
    const nodeId = v.area[v.area.length - 1];
    if (nodeId === undefined) return;
    try {
      const signedIn = await register.mutateAsync({
        phone: v.phone,
        ...(v.username?.trim() ? { username: v.username.trim() } : {}),
        displayName: v.displayName.trim(),
        password: v.password,
        nodeId,
      });
      if (signedIn) navigate(homeOf(signedIn), { replace: true });
    } catch (e) {
      // The server names `body.nodeId`; the form calls that field `area`.
      report(e, form, { nodeId: 'area' });
    }
  };

  return (
    <div className="gz-mobile gz-mobile--form">
      <header className="gz-mobile__bar">
        <Brand />
        <LanguageSwitch />
      </header>
      <Card className="gz-mobile__card" variant="borderless">
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('register.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('register.subtitle')}</Typography.Paragraph>
        {nodes.error ? <Alert type="error" showIcon title={t('errors.loadFailed')} style={{ marginBottom: 16 }} /> : null}
        <Form<Values> form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)} data-testid="register-form">
          <Form.Item name="phone" label={t('register.phone')} rules={[{ required: true, pattern: PHONE, message: t('register.phoneInvalid') }]}>
            <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} data-testid="register-phone" />
          </Form.Item>
          <Form.Item name="displayName" label={t('register.displayName')} rules={[{ required: true, whitespace: true, max: 50, message: t('common.required', { field: t('register.displayName') }) }]}>
            <Input placeholder={t('register.displayNameHint')} autoComplete="nickname" data-testid="register-name" />
          </Form.Item>
          <Form.Item name="area" label={t('register.area')} rules={[{ required: true, message: t('register.areaHint') }]}>
            <Cascader options={options} placeholder={t('register.areaHint')} loading={nodes.isPending} showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }} data-testid="register-area" />
          </Form.Item>
          <Form.Item name="password" label={t('register.password')} extra={t('auth.passwordRule')} rules={[{ required: true, min: 8, message: t('auth.passwordRule') }]}>
            <Input.Password autoComplete="new-password" data-testid="register-password" />
          </Form.Item>
          <Form.Item name="username" label={`${t('register.username')}（${t('common.optional')}）`} extra={t('register.usernameHint')}>
            <Input autoComplete="username" data-testid="register-username" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={register.isPending} data-testid="register-submit">
            {t('register.submit')}
          </Button>
        </Form>
        <div className="gz-auth__foot">
          {t('register.haveAccount')} <Link to="/login">{t('register.loginLink')}</Link>
        </div>
      </Card>
    </div>
  );
}
