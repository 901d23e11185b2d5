/**
 * 转交: the report goes to the inspectors competent for another place (out of this level's
 * remit). The reason stays an internal note; the reporter is told only that it moved. Once
 * transferred the report is no longer this inspector's to read, so the page goes back to the
 * list.
 */
import { App, Form, Input } from 'antd';
import { ActionModalShell } from '../common/action-modal-shell.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { problemText } from '../common/problem-text.js';
import { useProblem } from '../common/use-problem.js';
import { NodeSelect } from '../org/shared/node-select.js';
import { useTransfer, type Report } from './supervision.api.js';

interface Values {
  nodeId?: number | null;
  reason?: string;
}

export function TransferModal({ report, onClose, onReload }: { report: Report; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const transfer = useTransfer(report.id);
  const showProblem = useProblem();
  const [conflict, setConflict] = useState<string | null>(null);
  const name = t('supervision.events.transfer');

  const submit = async (v: Values) => {
    if (!v.nodeId || !v.reason) return;
    setConflict(null);
    try {
      await transfer.mutateAsync({ version: report.version, nodeId: v.nodeId, reason: v.reason.trim() });
      void message.success(t('supervision.console.done', { action: name }));
      onClose();
      void navigate('/console/supervision/reports');
    } catch (e) {
      // A version conflict or a state that moved on: reload. Same level, or a place with no
      // inspectors: the field says so.
      if (isApiProblem(e) && e.status === 409 && e.code !== 'supervision_same_level') setConflict(problemText(e, t));
      else if (isApiProblem(e) && e.code === 'supervision_same_level') form.setFields([{ name: 'nodeId', errors: [e.title] }]);
      else showProblem(e, form);
    }
  };

  return (
    <ActionModalShell
      title={t('supervision.console.actionTitle', { action: name, number: report.number })}
      okText={name}
      pending={transfer.isPending}
      onOk={() => form.submit()}
      onClose={onClose}
      refusal={conflict}
      refusalTitle={t('supervision.console.conflict')}
      reload={{ text: t('supervision.console.reload'), onReload }}
      testId="sv-transfer"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="nodeId" label={t('supervision.console.transferNode')} extra={t('supervision.console.transferNodeHint')} rules={[{ required: true }]}>
          <NodeSelect style={{ width: '100%' }} data-testid="sv-transfer-node" />
        </Form.Item>
        <Form.Item name="reason" label={t('supervision.console.transferReason')} extra={t('supervision.console.transferReasonHint')} rules={[{ required: true, whitespace: true }, { min: 2 }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="sv-transfer-reason" />
        </Form.Item>
      </Form>
    </ActionModalShell>
  );
}
