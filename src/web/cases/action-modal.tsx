/**
 * One case action as a small modal with its fields. Which fields an action has follows its
 * endpoint's body; whether a reason is required follows the state machine's table
 * (`needsReason`, GET /api/public/cases/states). The case's version goes along, so a
 * concurrent change comes back as 409 and the user is offered a reload.
 */
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem.js';
import { problemText } from '../common/problem-text.js';
import { useProblem } from '../common/use-problem.js';
import { OrgSelect } from '../org/shared/entity-selects.js';
import { ratings } from './case-labels.js';
import type { ExtensionStatus, PendingObjection } from './case-progress.js';
import { findCaseId, useCaseAction, useReplyTemplates, useStateTable, type ActionValues, type CaseEvent, type CaseItem, type Rating } from './cases.api.js';
import { correctedCategory } from './dispatch-category.js';
import { DispatchFields, type DispatchFormValues } from './dispatch-fields.js';

/** Events whose body takes a reason (required or not). First dispatch has none; re-dispatch does. */
const withReason = new Set<CaseEvent>([
  'accept', 'refuse', 'redispatch', 'object', 'uphold_objection', 'reject_objection', 'sign', 'start', 'request_extension',
  'decide_extension', 'verify_pass', 'verify_fail', 'close', 'redo', 'reopen',
]);

/** Until the state table arrives: the same facts, so the form is never wrong for long. */
const fallbackNeedsReason = new Set<CaseEvent>(['refuse', 'redispatch', 'object', 'uphold_objection', 'reject_objection', 'request_extension', 'decide_extension', 'verify_fail', 'redo', 'reopen']);

interface FormValues extends DispatchFormValues {
  reason?: string;
  channel?: string;
  message?: string;
  intoCase?: string;
  suggestedOrgId?: number | null;
  workingDays?: number;
  approved?: boolean;
  rating?: Rating;
  comment?: string;
}

interface Props {
  c: CaseItem;
  event: CaseEvent;
  objection: PendingObjection | null;
  extension: ExtensionStatus;
  onClose: () => void;
  onReload: () => void;
  /** Merge: the case to merge into, already filled in (from 疑似重复). */
  mergeInto?: string;
}

function ReplyTemplatePicker({ c, onPick }: { c: CaseItem; onPick: (text: string) => void }) {
  const { t } = useTranslation();
  const templates = useReplyTemplates(c.category?.path ?? null, c.state);
  const items = templates.data ?? [];
  return (
    <Select<number>
      placeholder={t('cases.action.templatePlaceholder')}
      loading={templates.isPending}
      value={null}
      onChange={(id) => {
        const tpl = items.find((x) => x.id === id);
        if (tpl) onPick(tpl.body);
      }}
      options={items.map((x) => ({ value: x.id, label: x.title }))}
      notFoundContent={t('cases.action.noTemplates')}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
      data-testid="action-template"
    />
  );
}

export function ActionModal({ c, event, objection, extension, onClose, onReload, mergeInto }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const report = useProblem();
  const send = useCaseAction();
  const table = useStateTable();
  const [conflict, setConflict] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);

  const rule = table.data?.events.find((e) => e.event === event);
  const needsReason = rule ? rule.needsReason : fallbackNeedsReason.has(event);
  const actionName = t(`cases.events.${event}`);
  const routeUnit = c.route.unit;
  const dispatching = event === 'dispatch' || event === 'redispatch';

  const initial: FormValues = {
    // The responsibility list's unit first (not when re-dispatching away from it); the case's own category.
    ...(dispatching ? { orgId: routeUnit && !(event === 'redispatch' && routeUnit.id === c.lead?.id) ? routeUnit.id : null, coOrgIds: [], categoryId: c.category?.id ?? null } : {}),
    ...(event === 'uphold_objection' ? { orgId: null, coOrgIds: [] } : {}),
    ...(event === 'decide_extension' ? { approved: true } : {}),
    ...(event === 'rate' ? { rating: 'satisfied' as const } : {}),
    ...(event === 'merge' && mergeInto ? { intoCase: mergeInto } : {}),
  };

  const submit = async (v: FormValues) => {
    setConflict(null);
    const category = dispatching ? correctedCategory(c.category?.id ?? null, v.categoryId) : undefined;
    const values: ActionValues = {
      reason: v.reason ?? null,
      ...(v.channel !== undefined ? { channel: v.channel } : {}),
      ...(v.message !== undefined ? { message: v.message } : {}),
      ...(v.orgId ? { orgId: v.orgId } : {}),
      ...(v.coOrgIds ? { coOrgIds: v.coOrgIds } : {}),
      ...(category !== undefined ? { categoryId: category } : {}),
      ...(v.suggestedOrgId ? { suggestedOrgId: v.suggestedOrgId } : {}),
      ...(v.workingDays !== undefined ? { workingDays: v.workingDays } : {}),
      ...(v.approved !== undefined ? { approved: v.approved } : {}),
      ...(v.rating ? { rating: v.rating } : {}),
      ...(v.comment !== undefined ? { comment: v.comment } : {}),
    };
    try {
      if (event === 'merge') {
        setResolving(true);
        const id = await findCaseId(v.intoCase ?? '').finally(() => setResolving(false));
        if (id === null) {
          form.setFields([{ name: 'intoCase', errors: [t('cases.action.mergeNotFound')] }]);
          return;
        }
        values.intoCaseId = id;
      }
      await send.mutateAsync({ caseId: c.id, version: c.version, event, values });
      onClose();
    } catch (e) {
      // A lost race (version) or a state that moved on: only a reload helps.
      if (isApiProblem(e) && e.status === 409 && (e.code === 'case_version_conflict' || e.code === 'case_transition_not_allowed')) setConflict(problemText(e, t));
      else report(e, form, { intoCaseId: 'intoCase' });
    }
  };

  const reasonField = withReason.has(event) ? (
    <Form.Item name="reason" label={needsReason ? t('cases.action.reason') : t('cases.action.note')} rules={[{ required: needsReason, whitespace: true }, { max: 2000 }]} extra={event === 'verify_fail' ? t('cases.action.verifyFailHint') : undefined}>
      <Input.TextArea rows={3} maxLength={2000} showCount data-testid="action-reason" />
    </Form.Item>
  ) : null;

  const fields = () => {
    switch (event) {
      case 'refuse':
        return (
          <>
            {reasonField}
            <Form.Item name="channel" label={t('cases.action.channel')} rules={[{ required: true, whitespace: true }, { max: 200 }]} extra={t('cases.action.channelHint')}>
              <Input maxLength={200} data-testid="action-channel" />
            </Form.Item>
          </>
        );
      case 'answer_now':
        return (
          <Form.Item name="message" label={t('cases.action.answer')} rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount data-testid="action-message" />
          </Form.Item>
        );
      case 'merge':
        return (
          <Form.Item name="intoCase" label={t('cases.action.mergeInto')} rules={[{ required: true, whitespace: true }]} extra={t('cases.action.mergeHint')}>
            <Input className="gz-mono" data-testid="action-merge-into" />
          </Form.Item>
        );
      case 'dispatch':
      case 'redispatch':
        return (
          <>
            <DispatchFields c={c} event={event} />
            {reasonField}
          </>
        );
      case 'object':
        return (
          <>
            {reasonField}
            <Form.Item name="suggestedOrgId" label={t('cases.action.suggestedUnit')}>
              <OrgSelect style={{ width: '100%' }} data-testid="action-unit" />
            </Form.Item>
          </>
        );
      case 'uphold_objection':
      case 'reject_objection':
        return (
          <>
            {objection ? <Alert type="warning" showIcon title={t('cases.action.pendingObjection')} description={t('cases.detail.objectionBy', { actor: objection.actor, reason: objection.reason ?? '' })} style={{ marginBottom: 16 }} /> : null}
            {reasonField}
            {event === 'uphold_objection' ? <DispatchFields c={c} event={event} /> : null}
          </>
        );
      case 'request_extension':
        return (
          <>
            <Form.Item name="workingDays" label={t('cases.action.workingDays')} rules={[{ required: true }, { type: 'integer', min: 1, max: 30 }]}>
              <InputNumber min={1} max={30} precision={0} style={{ width: 160 }} data-testid="action-working-days" />
            </Form.Item>
            {reasonField}
          </>
        );
      case 'decide_extension':
        return (
          <>
            {extension.pending ? (
              <Alert type="info" showIcon title={t('cases.action.pendingExtension')} description={t('cases.detail.extensionInfo', { actor: extension.pending.actor, days: extension.pending.days ?? '?', reason: extension.pending.reason ?? '' })} style={{ marginBottom: 16 }} />
            ) : (
              <Alert type="warning" showIcon title={t('cases.action.noPendingExtension')} style={{ marginBottom: 16 }} />
            )}
            <Form.Item name="approved" label={t('cases.action.decision')} rules={[{ required: true }]}>
              <Radio.Group data-testid="action-decision" options={[{ value: true, label: t('cases.action.approve') }, { value: false, label: t('cases.action.deny') }]} />
            </Form.Item>
            {reasonField}
          </>
        );
      case 'reply':
        return (
          <>
            <Form.Item label={t('cases.action.template')}>
              <ReplyTemplatePicker c={c} onPick={(text) => form.setFieldValue('message', text)} />
            </Form.Item>
            <Form.Item name="message" label={t('cases.action.message')} rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
              <Input.TextArea rows={6} maxLength={5000} showCount data-testid="action-message" />
            </Form.Item>
          </>
        );
      case 'rate':
        return (
          <>
            <Typography.Paragraph type="secondary">{t('cases.action.onBehalf')}</Typography.Paragraph>
            <Form.Item name="rating" label={t('cases.action.rating')} rules={[{ required: true }]}>
              <Radio.Group data-testid="action-rating" options={ratings.map((r) => ({ value: r, label: t(`cases.ratings.${r}`) }))} />
            </Form.Item>
            <Form.Item name="comment" label={t('cases.action.comment')} rules={[{ max: 1000 }]}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="action-comment" />
            </Form.Item>
          </>
        );
      default:
        return reasonField;
    }
  };

  const danger = event === 'refuse' || event === 'verify_fail' || event === 'object';

  return (
    <Modal
      open
      title={t('cases.action.title', { action: actionName, number: c.number })}
      onCancel={onClose}
      destroyOnHidden
      width={dispatching ? 620 : 560}
      data-testid="action-modal"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} data-testid="action-modal-cancel">{t('common.cancel')}</Button>
          <Button type="primary" danger={danger} loading={send.isPending || resolving} disabled={conflict !== null} onClick={() => form.submit()} data-testid="action-modal-ok">
            {actionName}
          </Button>
        </Flex>
      }
    >
      {conflict ? (
        <Alert
          type="error"
          showIcon
          title={t('cases.action.conflict')}
          description={conflict}
          action={<Button size="small" onClick={() => { onReload(); onClose(); }} data-testid="action-reload">{t('cases.action.reload')}</Button>}
          style={{ marginBottom: 16 }}
          data-testid="action-conflict"
        />
      ) : null}
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} preserve={false}>
        {fields()}
      </Form>
    </Modal>
  );
}
