/**
 * 智能派单设置 (/console/dispatch/settings): auto-dispatch on or off and the confidence it
 * needs, with what it decided in the last 30 days; below, the model's versions and
 * 立即训练. Dispatchers read the settings (the controls stay disabled); configurators change
 * them and see the versions.
 */
import { App, Button, Card, Flex, Form, InputNumber, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../auth/auth.api.js';
import { useSignedInMe } from '../auth/me-context.js';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { fromPercent, toPercent } from './dispatch-format.js';
import { useDispatchSettings, useSaveDispatchSettings, type DispatchSettings } from './dispatch.api.js';
import { ModelVersionsCard } from './model-versions-card.js';

interface Values {
  autoDispatch: boolean;
  /** The minimum confidence as a whole percent (50–100); the server stores the fraction. */
  minPercent: number;
}

function SettingsForm({ settings, canEdit }: { settings: DispatchSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveDispatchSettings();
  const report = useProblem();
  // Awaited rather than mutate's callbacks: the saved settings remount this form (its key),
  // and TanStack Query drops the callbacks of an unmounted caller.
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({ autoDispatch: v.autoDispatch, minConfidence: fromPercent(v.minPercent) });
      void message.success(t('dispatch.settings.saved'));
    } catch (e) {
      report(e, form, { minConfidence: 'minPercent' });
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!canEdit}
      initialValues={{ autoDispatch: settings.autoDispatch, minPercent: toPercent(settings.minConfidence) }}
      onFinish={(v) => void submit(v)}
      data-testid="dispatch-settings-form"
    >
      <Form.Item name="autoDispatch" label={t('dispatch.settings.auto')} valuePropName="checked" extra={t('dispatch.settings.autoHint')}>
        <Switch data-testid="dispatch-auto" />
      </Form.Item>
      <Form.Item name="minPercent" label={t('dispatch.settings.minConfidence')} extra={t('dispatch.settings.minConfidenceHint')} rules={[{ required: true }, { type: 'number', min: 50, max: 100 }]}>
        <InputNumber min={50} max={100} step={1} precision={0} suffix="%" style={{ width: 140 }} data-testid="dispatch-min-confidence" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="dispatch-settings-save">{t('common.save')}</Button>
    </Form>
  );
}

export function DispatchSettingsPage() {
  const { t, i18n } = useTranslation();
  const me = useSignedInMe();
  const canEdit = hasPermission(me, 'cases.configure');
  const settings = useDispatchSettings();
  const s = settings.data;

  return (
    <div className="gz-page" data-testid="dispatch-settings-page">
      <PageHeader title={t('dispatch.settings.title')} hint={t('dispatch.settings.hint')} />
      <Flex vertical gap={16}>
        {!canEdit ? <Typography.Text type="secondary" data-testid="dispatch-settings-readonly">{t('dispatch.settings.readOnly')}</Typography.Text> : null}
        <Card
          size="small"
          title={t('dispatch.settings.auto')}
          loading={settings.isPending}
          extra={s ? <Tag color={s.autoDispatch ? 'green' : 'default'} data-testid="dispatch-auto-status">{s.autoDispatch ? t('dispatch.settings.on') : t('dispatch.settings.off')}</Tag> : null}
          style={{ maxWidth: 720 }}
        >
          {settings.error ? <ProblemAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
          {s ? (
            <Flex vertical gap={12}>
              <Flex wrap gap="4px 16px">
                <Typography.Text strong data-testid="dispatch-recent">{t('dispatch.settings.recent', { dispatched: s.recent.dispatched, looked: s.recent.looked })}</Typography.Text>
                <Typography.Text type="secondary">{t('dispatch.settings.updatedAt', { time: formatDateTime(s.updatedAt, i18n.resolvedLanguage ?? 'zh-CN') })}</Typography.Text>
              </Flex>
              {/* Remounted when the saved settings change, so the form shows what the server holds. */}
              <SettingsForm key={`${s.updatedAt}-${s.autoDispatch}-${s.minConfidence}`} settings={s} canEdit={canEdit} />
            </Flex>
          ) : null}
        </Card>
        {canEdit ? <ModelVersionsCard /> : null}
      </Flex>
    </div>
  );
}
