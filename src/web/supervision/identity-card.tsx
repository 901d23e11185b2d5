/**
 * 举报人身份 on a report's page. Anonymous: there is none. Real-name: the identity is sealed
 * to the custodians only, so the inspector sees it once a custodian approved a request
 * (GET …/identity answers 404 until then) and may ask for it with a reason.
 */
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.js';
import { useProblem } from '../common/use-problem.js';
import { useIdentity, useRequestIdentity, type Report } from './supervision.api.js';

function RequestModal({ report, onClose, onSent }: { report: Report; onClose: () => void; onSent: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const ask = useRequestIdentity(report.id);
  const showProblem = useProblem();
  const submit = ({ reason }: { reason: string }) =>
    ask.mutate(reason.trim(), {
      onSuccess: () => {
        void message.success(t('supervision.console.requested'));
        onSent();
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  return (
    <Modal
      open
      title={t('supervision.console.requestIdentity')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={ask.isPending} onClick={() => form.submit()} data-testid="sv-identity-ok">{t('common.submit')}</Button>
        </Flex>
      }
      data-testid="sv-identity-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="reason" label={t('supervision.console.requestReason')} extra={t('supervision.console.requestReasonHint')} rules={[{ required: true, whitespace: true }, { min: 5 }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="sv-identity-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function IdentityCard({ report }: { report: Report }) {
  const { t } = useTranslation();
  const identity = useIdentity(report.id, !report.anonymous);
  const [asking, setAsking] = useState(false);
  // The server lists no inspector's own requests, so "asked" is known only on this page.
  const [asked, setAsked] = useState(false);

  if (report.anonymous) return <Typography.Text type="secondary" data-testid="sv-identity-anonymous">{t('supervision.console.identityAnonymous')}</Typography.Text>;
  if (identity.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (identity.error) return <ProblemAlert error={identity.error} onRetry={() => void identity.refetch()} />;

  const who = identity.data;
  if (who) {
    const D = Descriptions.Item;
    return (
      <Descriptions size="small" column={1} bordered data-testid="sv-identity">
        <D label={t('supervision.console.name')}>{who.name}</D>
        <D label={t('supervision.console.phone')}><Typography.Text copyable>{who.phone}</Typography.Text></D>
        {who.idNumber ? <D label={t('supervision.console.idNumber')}>{who.idNumber}</D> : null}
        {who.userId !== null ? <D label={t('supervision.console.account')}>{t('supervision.console.accountId', { id: who.userId })}</D> : null}
      </Descriptions>
    );
  }
  return (
    <>
      <Typography.Paragraph type="secondary">{t('supervision.console.identityHidden')}</Typography.Paragraph>
      {asked ? <Alert type="info" showIcon title={t('supervision.console.requested')} style={{ marginBottom: 8 }} data-testid="sv-identity-requested" /> : null}
      <Button onClick={() => setAsking(true)} data-testid="sv-identity-request">{t('supervision.console.requestIdentity')}</Button>
      {asking ? <RequestModal report={report} onClose={() => setAsking(false)} onSent={() => setAsked(true)} /> : null}
    </>
  );
}
