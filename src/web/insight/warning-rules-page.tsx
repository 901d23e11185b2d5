/**
 * 预警规则 (/console/insight/warning-rules): one card per rule, saying in words what raises a
 * warning; configurators change its figures (count, days, and for 问题激增 the ratio) and
 * switch it on or off, the sentence following as they type; everyone else reads.
 */
import { App, Button, Card, Col, Empty, Flex, Form, InputNumber, Row, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../auth/auth.api.js';
import { useSignedInMe } from '../auth/me-context.js';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { useProblem } from '../common/use-problem.js';
import { useUpdateWarningRule, useWarningRules, type WarningRule } from './insight.api.js';
import { hasRatio, RuleText, warningKindColors, warningKinds } from './warning-labels.js';

interface Values {
  count: number;
  days: number;
  ratio?: number | null;
  active: boolean;
}

function RuleForm({ rule }: { rule: WarningRule }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdateWarningRule();
  const report = useProblem();
  const ratio = hasRatio(rule.kind);
  const count = Form.useWatch('count', form);
  const days = Form.useWatch('days', form);
  const r = Form.useWatch('ratio', form);
  const submit = (v: Values) =>
    save.mutate(
      { id: rule.id, body: { params: { count: v.count, days: v.days, ...(ratio && v.ratio ? { ratio: v.ratio } : {}) }, active: v.active } },
      {
        onSuccess: () => void message.success(t('insight.rules.saved')),
        // The form checks the ranges the server does; anything else is a message.
        onError: (e) => report(e),
      },
    );
  return (
    <Form<Values>
      form={form}
      layout="inline"
      initialValues={{ count: rule.params.count, days: rule.params.days, ratio: rule.params.ratio ?? null, active: rule.active }}
      onFinish={submit}
      className="gz-rule-form"
      data-testid={`rule-${rule.kind}-form`}
    >
      <Typography.Paragraph className="gz-rule-form__preview" data-testid={`rule-${rule.kind}-preview`}>
        <RuleText kind={rule.kind} params={{ count: count ?? rule.params.count, days: days ?? rule.params.days, ...(ratio ? { ratio: r ?? rule.params.ratio ?? 1 } : {}) }} />
      </Typography.Paragraph>
      <Form.Item name="count" label={t(`insight.rules.count.${rule.kind}`)} rules={[{ required: true }, { type: 'integer', min: 1, max: 1000 }]}>
        <InputNumber min={1} max={1000} precision={0} style={{ width: 90 }} data-testid={`rule-${rule.kind}-count`} />
      </Form.Item>
      <Form.Item name="days" label={t('insight.rules.days')} rules={[{ required: true }, { type: 'integer', min: 1, max: 365 }]}>
        <InputNumber min={1} max={365} precision={0} style={{ width: 90 }} data-testid={`rule-${rule.kind}-days`} />
      </Form.Item>
      {ratio ? (
        <Form.Item name="ratio" label={t('insight.rules.ratio')} rules={[{ required: true }, { type: 'number', min: 1, max: 100 }]}>
          <InputNumber min={1} max={100} step={0.5} style={{ width: 90 }} data-testid={`rule-${rule.kind}-ratio`} />
        </Form.Item>
      ) : null}
      <Form.Item name="active" label={t('insight.rules.active')} valuePropName="checked">
        <Switch data-testid={`rule-${rule.kind}-active`} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid={`rule-${rule.kind}-save`}>{t('common.save')}</Button>
      </Form.Item>
    </Form>
  );
}

export function WarningRulesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = hasPermission(me, 'cases.configure');
  const rules = useWarningRules();
  // The kinds' own order, whatever order the server lists them in.
  const items = [...(rules.data ?? [])].sort((a, b) => warningKinds.indexOf(a.kind) - warningKinds.indexOf(b.kind));

  return (
    <div className="gz-page" data-testid="warning-rules-page">
      <PageHeader title={t('insight.rules.title')} hint={t('insight.rules.hint')} />
      {rules.error ? <ProblemAlert error={rules.error} onRetry={() => void rules.refetch()} /> : null}
      {!canEdit ? <Typography.Paragraph type="secondary" data-testid="warning-rules-readonly">{t('insight.rules.readOnly')}</Typography.Paragraph> : null}
      {rules.data && items.length === 0 ? <Empty description={t('insight.rules.empty')} /> : null}
      <Row gutter={[16, 16]}>
        {rules.isPending ? (
          <Col span={24}><Card loading /></Col>
        ) : (
          items.map((rule) => (
            <Col xs={24} xl={12} key={rule.id}>
              <Card
                size="small"
                title={<Tag color={warningKindColors[rule.kind]} style={{ fontSize: 14, padding: '2px 8px' }}>{t(`insight.warnings.kinds.${rule.kind}`)}</Tag>}
                extra={<Tag color={rule.active ? 'green' : 'default'} data-testid={`rule-${rule.kind}-status`}>{rule.active ? t('insight.rules.active') : t('insight.rules.inactive')}</Tag>}
                data-testid={`rule-${rule.kind}`}
              >
                {canEdit ? (
                  <RuleForm key={`${rule.id}-${rule.params.count}-${rule.params.days}-${rule.params.ratio ?? ''}-${rule.active}`} rule={rule} />
                ) : (
                  <Flex vertical gap={4}>
                    <Typography.Text data-testid={`rule-${rule.kind}-text`}><RuleText kind={rule.kind} params={rule.params} /></Typography.Text>
                  </Flex>
                )}
              </Card>
            </Col>
          ))
        )}
      </Row>
    </div>
  );
}
