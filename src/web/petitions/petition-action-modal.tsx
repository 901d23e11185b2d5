/**
 * One action on a petition as a modal, its fields by the action (petition-forms.ts). The
 * petition's version goes along: a petition someone else moved meanwhile comes back as 409
 * and the user is offered a reload instead of a retry.
 */
import { App, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { ActionModalShell } from '../common/action-modal-shell.js';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem.js';
import { problemText } from '../common/problem-text.js';
import { useProblem } from '../common/use-problem.js';
import { OrgSelect } from '../org/shared/entity-selects.js';
import { actionCall, actionFields, type ActionValues, type FieldName } from './petition-forms.js';
import { actionLabel, reviewLevel } from './petition-labels.js';
import { usePetitionAction, type Petition, type PetitionAction } from './petitions.api.js';

function useFieldItems(petition: Petition): Record<FieldName, { label: string; input: ReactNode; extra?: string }> {
  const { t } = useTranslation();
  const area = (id: string, rows = 4) => <Input.TextArea rows={rows} maxLength={10_000} showCount data-testid={`petition-field-${id}`} />;
  return {
    earlierNumber: { label: t('petitions.form.earlierNumber'), extra: t('petitions.form.earlierHint'), input: <Input placeholder="XF20260101-0001" data-testid="petition-field-earlierNumber" /> },
    orgId: { label: t('petitions.form.org'), input: <OrgSelect data-testid="petition-field-orgId" style={{ width: '100%' }} /> },
    routeKind: {
      label: t('petitions.form.routeKind'),
      input: (
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="petition-field-routeKind">
          <Radio.Button value="transfer"><span data-testid="petition-route-transfer">{t('petitions.routeKinds.transfer')}</span></Radio.Button>
          <Radio.Button value="assign"><span data-testid="petition-route-assign">{t('petitions.routeKinds.assign')}</span></Radio.Button>
        </Radio.Group>
      ),
    },
    note: { label: t('petitions.form.note'), input: area('note', 2) },
    reason: { label: t(petition.state === 'routed' ? 'petitions.form.objectReason' : petition.state === 'accepted' ? 'petitions.form.extensionReason' : 'petitions.form.reason'), extra: petition.state === 'accepted' ? t('petitions.form.extensionReasonHint') : undefined, input: area('reason', 3) },
    redirect: { label: t('petitions.form.redirect'), input: area('redirect', 2) },
    opinion: {
      label: t('petitions.form.opinion'),
      input: (
        <Radio.Group data-testid="petition-field-opinion">
          {(['support', 'partial', 'reject'] as const).map((o) => <Radio key={o} value={o}><span data-testid={`petition-opinion-${o}`}>{t(`petitions.opinions.${o}`)}</span></Radio>)}
        </Radio.Group>
      ),
    },
    text: { label: t(petition.state === 'accepted' ? 'petitions.form.opinionText' : petition.state.endsWith('_requested') ? 'petitions.form.answerText' : 'petitions.form.requestText'), extra: petition.state === 'accepted' ? t('petitions.form.opinionHint') : undefined, input: area('text', 5) },
    days: { label: t('petitions.form.days'), extra: t('petitions.form.daysHint'), input: <InputNumber min={1} max={30} precision={0} data-testid="petition-field-days" /> },
    approve: {
      label: t('petitions.form.approve'),
      input: (
        <Radio.Group data-testid="petition-field-approve">
          <Radio value={true}><span data-testid="petition-approve-yes">{t('petitions.form.approved')}</span></Radio>
          <Radio value={false}><span data-testid="petition-approve-no">{t('petitions.form.denied')}</span></Radio>
        </Radio.Group>
      ),
    },
    outcome: {
      label: t('petitions.form.outcome'),
      input: (
        <Radio.Group data-testid="petition-field-outcome">
          {(['upheld', 'changed'] as const).map((o) => <Radio key={o} value={o}><span data-testid={`petition-outcome-${o}`}>{t(`petitions.outcomes.${o}`)}</span></Radio>)}
        </Radio.Group>
      ),
    },
  };
}

/** Text fields refuse blanks; the others (a select, a number, a choice) may only be required: a `whitespace` rule makes antd check them as strings. */
const textFields = new Set<FieldName>(['earlierNumber', 'note', 'reason', 'redirect', 'text']);

/** The request under decision, so the registrar decides on what was asked. */
function ExtensionAsked({ petition }: { petition: Petition }) {
  const { t } = useTranslation();
  const e = petition.extension;
  if (e.state !== 'pending') return null;
  return <Typography.Paragraph type="secondary">{t('petitions.resident.extension', { days: e.days ?? 0, reason: e.reason ?? '' })}</Typography.Paragraph>;
}

export function PetitionActionModal({ petition, action, onClose, onReload }: { petition: Petition; action: PetitionAction; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const send = usePetitionAction(petition.id);
  const showProblem = useProblem();
  const [conflict, setConflict] = useState<string | null>(null);
  const items = useFieldItems(petition);
  const name = actionLabel(action, petition.state, t);
  const initial: ActionValues = action === 'register' ? { routeKind: 'transfer' } : action === 'link' && petition.sameFactsOf ? { earlierNumber: petition.sameFactsOf } : {};

  const submit = async (v: ActionValues) => {
    setConflict(null);
    try {
      await send.mutateAsync(actionCall(action, petition.version, v));
      void message.success(t('petitions.console.done', { action: name }));
      onClose();
    } catch (e) {
      if (isApiProblem(e) && e.status === 409) setConflict(problemText(e, t));
      else showProblem(e, form);
    }
  };

  return (
    <ActionModalShell
      title={`${name}：${petition.number}`}
      okText={name}
      pending={send.isPending}
      onOk={() => form.submit()}
      onClose={onClose}
      refusal={conflict}
      refusalTitle={t('petitions.console.conflict')}
      reload={{ text: t('petitions.console.reload'), onReload }}
      testId="petition-action"
    >
      {action === 'decide_extension' ? <ExtensionAsked petition={petition} /> : null}
      {action === 'request_review' ? <Typography.Paragraph type="secondary">{t('petitions.resident.requestHint', { level: t(`petitions.levels.${reviewLevel(petition.state)}`) })}</Typography.Paragraph> : null}
      <Form<ActionValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} preserve={false}>
        {actionFields[action].map((f) => (
          <Form.Item key={f.name} name={f.name} label={items[f.name].label} extra={items[f.name].extra} rules={f.required ? [textFields.has(f.name) ? { required: true, whitespace: true } : { required: true }] : []}>
            {items[f.name].input}
          </Form.Item>
        ))}
      </Form>
    </ActionModalShell>
  );
}
