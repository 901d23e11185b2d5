/**
 * The person's 申诉 (once) and the reviewer's 申诉复查 (维持 / 变更 / 撤销) as modals. Each
 * sends the version it was opened on: a record changed meanwhile comes back 409 and the
 * modal offers a reload instead of a retry.
 */
import { Alert, App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem.js';
import { problemText } from '../common/problem-text.js';
import { useProblem } from '../common/use-problem.js';
import { useAppeal, useReviewAppeal, type AccountabilityRecord, type ReviewOutcome } from './accountability.api.js';

interface ShellProps {
  title: string;
  okText: string;
  saving: boolean;
  conflict: string | null;
  onClose: () => void;
  onOk: () => void;
  onReload: () => void;
  testId: string;
  children: ReactNode;
}

function ModalShell({ title, okText, saving, conflict, onClose, onOk, onReload, testId, children }: ShellProps) {
  const { t } = useTranslation();
  return (
    <Modal open title={title} onCancel={onClose} onOk={onOk} okText={okText} confirmLoading={saving} okButtonProps={{ disabled: conflict !== null, 'data-testid': `${testId}-ok` }} destroyOnHidden data-testid={testId}>
      {conflict ? (
        <Alert type="error" showIcon title={t('accountability.conflict')} description={conflict} style={{ marginBottom: 16 }}
          action={<Button size="small" onClick={() => { onReload(); onClose(); }}>{t('common.refresh')}</Button>} />
      ) : null}
      {children}
    </Modal>
  );
}

/** Runs a write; a 409 becomes the modal's conflict, anything else goes to the form or a toast. */
function useGuardedSubmit() {
  const showProblem = useProblem();
  const [conflict, setConflict] = useState<string | null>(null);
  const { t } = useTranslation();
  const run = async (write: () => Promise<unknown>, form: Parameters<typeof showProblem>[1], done: () => void) => {
    setConflict(null);
    try {
      await write();
      done();
    } catch (e) {
      if (isApiProblem(e) && e.status === 409) setConflict(problemText(e, t));
      else showProblem(e, form);
    }
  };
  return { conflict, run };
}

export function AppealModal({ record, onClose, onReload }: { record: AccountabilityRecord; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const appeal = useAppeal(record.id);
  const { conflict, run } = useGuardedSubmit();
  const submit = (v: { text: string }) =>
    void run(() => appeal.mutateAsync({ text: v.text.trim(), version: record.version }), form, () => {
      void message.success(t('accountability.mine.appealed'));
      onClose();
    });
  return (
    <ModalShell title={t('accountability.mine.appealTitle')} okText={t('accountability.mine.appeal')} saving={appeal.isPending} conflict={conflict} onClose={onClose} onOk={() => form.submit()} onReload={onReload} testId="acc-appeal">
      <Alert type="info" showIcon title={t('accountability.mine.appealOnce')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="text" label={t('accountability.mine.appealText')} rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount data-testid="acc-appeal-text" />
        </Form.Item>
      </Form>
    </ModalShell>
  );
}

const outcomes: ReviewOutcome[] = ['upheld', 'changed', 'revoked'];

export function ReviewAppealModal({ record, onClose, onReload }: { record: AccountabilityRecord; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: ReviewOutcome; note: string }>();
  const review = useReviewAppeal(record.id);
  const { conflict, run } = useGuardedSubmit();
  const submit = (v: { outcome: ReviewOutcome; note: string }) =>
    void run(() => review.mutateAsync({ outcome: v.outcome, note: v.note.trim(), version: record.version }), form, () => {
      void message.success(t('accountability.detail.reviewed'));
      onClose();
    });
  return (
    <ModalShell title={t('accountability.detail.reviewTitle')} okText={t('accountability.detail.review')} saving={review.isPending} conflict={conflict} onClose={onClose} onOk={() => form.submit()} onReload={onReload} testId="acc-review">
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="outcome" label={t('accountability.detail.outcome')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {outcomes.map((o) => <Radio.Button key={o} value={o}><span data-testid={`acc-outcome-${o}`}>{t(`accountability.appeal.${o}`)}</span></Radio.Button>)}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('accountability.detail.reviewNote')} extra={t('accountability.detail.reviewNoteHint')} rules={[{ required: true, whitespace: true }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="acc-review-note" />
        </Form.Item>
      </Form>
    </ModalShell>
  );
}
