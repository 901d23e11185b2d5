/**
 * 回避: an inspector related to the matter or the person reported steps aside, with a reason
 * (kept as an internal note). Their key to the report is destroyed, so it is theirs to read no
 * more and the page goes back to the list. When nobody else at this level holds the report the
 * server refuses (409 `supervision_last_reader`): it must be transferred first, and the modal
 * says so.
 */
import { App, Form, Input, Typography } from 'antd';
import { ActionModalShell } from '../common/action-modal-shell.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { problemText } from '../common/problem-text.js';
import { useProblem } from '../common/use-problem.js';
import { useRecuse, type Report } from './supervision.api.js';

export function RecuseModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ reason: string }>();
  const recuse = useRecuse(report.id);
  const showProblem = useProblem();
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setRefusal(null);
    try {
      await recuse.mutateAsync(reason.trim());
      void message.success(t('supervision.console.recused'));
      onClose();
      void navigate('/console/supervision/reports');
    } catch (e) {
      if (isApiProblem(e) && e.status === 409) setRefusal(problemText(e, t));
      else showProblem(e, form);
    }
  };

  return (
    <ActionModalShell
      title={t('supervision.console.actionTitle', { action: t('supervision.events.recuse'), number: report.number })}
      okText={t('supervision.events.recuse')}
      pending={recuse.isPending}
      onOk={() => form.submit()}
      onClose={onClose}
      refusal={refusal}
      refusalTitle={t('supervision.console.recuseRefused')}
      danger
      testId="sv-recuse"
    >
      <Typography.Paragraph type="secondary">{t('supervision.console.recuseHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={() => setRefusal(null)} preserve={false}>
        <Form.Item name="reason" label={t('supervision.console.recuseReason')} extra={t('supervision.console.recuseReasonHint')} rules={[{ required: true, whitespace: true }, { min: 2 }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="sv-recuse-reason" />
        </Form.Item>
      </Form>
    </ActionModalShell>
  );
}
