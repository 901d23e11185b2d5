/**
 * What the reporter may do with their case now — exactly the events the server lists in
 * the case's `actions` (评价, 申请重办, 重新打开); no rule is decided here. Each sends the
 * version last seen, so a change made meanwhile comes back as a conflict, not a silent overwrite.
 */
import { App, Button, Card, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../common/use-problem.js';
import { label } from './labels.js';
import { useCaseAction, type CaseView, type Rating } from './resident.api.js';

const RATINGS: { value: Rating; testId: string }[] = [
  { value: 'satisfied', testId: 'rate-satisfied' },
  { value: 'basic', testId: 'rate-basic' },
  { value: 'dissatisfied', testId: 'rate-dissatisfied' },
];

function RateForm({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useCaseAction(c.id);
  const report = useProblem();
  const [rating, setRating] = useState<Rating | null>(null);
  // 问题是否解决, asked beside the rating as 12345's 回访 does (解决率); the resident may leave it.
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const send = () => {
    if (!rating) return;
    action.mutate(
      { kind: 'rate', rating, resolved, comment: comment.trim() || null, version: c.version },
      { onSuccess: () => void message.success(t('resident.detail.rateDone')), onError: (e) => report(e) },
    );
  };
  return (
    <Flex vertical gap={10} data-testid="rate-form">
      <Typography.Text strong>{t('resident.detail.rateTitle')}</Typography.Text>
      <Radio.Group className="gz-res-rate" optionType="button" buttonStyle="solid" size="large" value={rating} onChange={(e) => setRating(e.target.value as Rating)}>
        {RATINGS.map((r) => <Radio.Button key={r.value} value={r.value}><span data-testid={r.testId}>{label(t, 'ratings', r.value)}</span></Radio.Button>)}
      </Radio.Group>
      <Typography.Text>{t('resident.detail.resolvedTitle')}</Typography.Text>
      <Radio.Group optionType="button" size="large" value={resolved} onChange={(e) => setResolved(e.target.value as boolean)} data-testid="rate-resolved">
        <Radio.Button value={true}><span data-testid="rate-resolved-yes">{t('resident.detail.resolvedYes')}</span></Radio.Button>
        <Radio.Button value={false}><span data-testid="rate-resolved-no">{t('resident.detail.resolvedNo')}</span></Radio.Button>
      </Radio.Group>
      <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('resident.detail.rateComment')} maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="rate-comment" />
      <Button type="primary" block size="large" disabled={!rating} loading={action.isPending} onClick={send} data-testid="rate-submit">{t('resident.detail.rateSubmit')}</Button>
    </Flex>
  );
}

/** 申请重办 / 重新打开: a button, then a reason in a dialog (the reason is required). */
function ReasonAction({ c, kind }: { c: CaseView; kind: 'redo' | 'reopen' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useCaseAction(c.id);
  const report = useProblem();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const words = kind === 'redo'
    ? { button: t('resident.detail.redo'), title: t('resident.detail.redoTitle'), hint: t('resident.detail.redoHint'), reason: t('resident.detail.redoReason') }
    : { button: t('resident.detail.reopen'), title: t('resident.detail.reopenTitle'), hint: t('resident.detail.reopenHint'), reason: t('resident.detail.reopenReason') };
  const send = (v: { reason: string }) =>
    action.mutate(
      { kind, reason: v.reason.trim(), version: c.version },
      {
        onSuccess: () => {
          setOpen(false);
          form.resetFields();
          void message.success(t('resident.detail.done'));
        },
        onError: (e) => report(e, form),
      },
    );
  return (
    <>
      <Button block size="large" danger={kind === 'redo'} onClick={() => setOpen(true)} data-testid={`${kind}-button`}>{words.button}</Button>
      <Modal
        open={open}
        title={words.title}
        onCancel={() => setOpen(false)}
        okText={t('common.submit')}
        okButtonProps={{ loading: action.isPending, 'data-testid': `${kind}-submit` }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{words.hint}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={send} requiredMark={false}>
          <Form.Item name="reason" label={words.reason} rules={[{ required: true, whitespace: true, max: 2000, message: t('resident.form.required', { field: words.reason }) }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid={`${kind}-reason`} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function CaseActions({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const can = (e: string) => c.actions.includes(e);
  if (!can('rate') && !can('redo') && !can('reopen')) return null;
  return (
    <Card className="gz-mobile__card" size="small" title={t('resident.detail.actions')} data-testid="case-actions">
      <Flex vertical gap={12}>
        {can('rate') ? <RateForm c={c} /> : null}
        {can('redo') ? <ReasonAction c={c} kind="redo" /> : null}
        {can('reopen') ? <ReasonAction c={c} kind="reopen" /> : null}
      </Flex>
    </Card>
  );
}
