/**
 * One inspector action on a report (受理, 处置, 办结, 结案, 归档) as a modal: 处置 picks the
 * disposal, 办结 takes the conclusion the reporter is told, 受理 and 结案 may add a note to the
 * notice the reporter gets. The report's version goes along, so a report someone else moved
 * meanwhile comes back as 409 and the inspector is offered a reload instead of a retry.
 */
import { App, Form, Input, Select } from 'antd';
import { ActionModalShell } from '../common/action-modal-shell.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem.js';
import { problemText } from '../common/problem-text.js';
import { useProblem } from '../common/use-problem.js';
import { actionText, disposals, type Disposal, type ReportEvent } from './report-flow.js';
import { useReportAction, type ActionBody, type Report } from './supervision.api.js';

interface Values {
  disposal?: Disposal;
  text?: string;
}

export function ReportActionModal({ report, event, onClose, onReload }: { report: Report; event: ReportEvent; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const send = useReportAction(report.id);
  const showProblem = useProblem();
  const [conflict, setConflict] = useState<string | null>(null);
  const name = t(`supervision.events.${event}`);
  const text = actionText(event);

  const submit = async (v: Values) => {
    setConflict(null);
    const body: ActionBody = { version: report.version };
    if (event === 'dispose' && v.disposal) body.disposal = v.disposal;
    if (v.text?.trim()) body.text = v.text.trim();
    try {
      await send.mutateAsync({ event, body });
      void message.success(t('supervision.console.done', { action: name }));
      onClose();
    } catch (e) {
      // Every 409 here (a newer version, a state that moved on) is cured only by looking again.
      if (isApiProblem(e) && e.status === 409) setConflict(problemText(e, t));
      else showProblem(e, form);
    }
  };

  return (
    <ActionModalShell
      title={t('supervision.console.actionTitle', { action: name, number: report.number })}
      okText={name}
      pending={send.isPending}
      onOk={() => form.submit()}
      onClose={onClose}
      refusal={conflict}
      refusalTitle={t('supervision.console.conflict')}
      reload={{ text: t('supervision.console.reload'), onReload }}
      testId="sv-action"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        {event === 'dispose' ? (
          <Form.Item name="disposal" label={t('supervision.console.disposal')} rules={[{ required: true }]}>
            <Select<Disposal> options={disposals.map((d) => ({ value: d, label: t(`supervision.disposals.${d}`) }))} data-testid="sv-action-disposal" />
          </Form.Item>
        ) : null}
        {text === 'required' ? (
          <Form.Item name="text" label={t('supervision.console.conclusion')} extra={t('supervision.console.conclusionHint')} rules={[{ required: true, whitespace: true }, { max: 10_000 }]}>
            <Input.TextArea rows={6} maxLength={10_000} showCount data-testid="sv-action-text" />
          </Form.Item>
        ) : text === 'note' ? (
          <Form.Item name="text" label={t(event === 'accept' || event === 'close' ? 'supervision.console.note' : 'supervision.console.internalNote')} rules={[{ max: 10_000 }]}>
            <Input.TextArea rows={3} maxLength={10_000} data-testid="sv-action-text" />
          </Form.Item>
        ) : null}
      </Form>
    </ActionModalShell>
  );
}
