/**
 * 记录问责措施: the person, the form and its measure (a cascade: 第一种形态 → 谈话提醒 …), the
 * grounds (cases by number, reports, scorecards …), the summary, who decided and when; and for
 * 通报批评, optionally the audience it is published to (a subtree's staff, some roles). Used to
 * record a measure and, prefilled, to escalate a review item.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditDrawer } from '../common/edit-drawer.js';
import { useDrawerForm } from '../common/use-drawer-form.js';
import { NodeSelect } from '../org/shared/node-select.js';
import { PersonSelect } from '../org/shared/entity-selects.js';
import type { AudienceRole, Form as RecordForm, Ground, Measure, RecordBody } from './accountability.api.js';
import { forms, measuresByForm } from './accountability-labels.js';

export interface RecordValues {
  personId: number | null;
  form: RecordForm;
  measure: Measure | undefined;
  grounds: Ground[];
  summary: string;
  decidedBy: string;
  decidedOn: string;
  publishOn: boolean;
  publish: { nodeId: number | null; roles: AudienceRole[] };
}

const groundKinds: Ground['kind'][] = ['case', 'report', 'scorecard', 'other'];
const audienceRoles: AudienceRole[] = ['cadre', 'grid_worker', 'party_member', 'dispatcher', 'dept_staff', 'discipline_inspector', 'assessor', 'custodian', 'admin'];

/** Today in Beijing, as the date input wants it. */
export function todayLocal(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function emptyRecord(extra: Partial<RecordValues> = {}): RecordValues {
  return { personId: null, form: 'form1', measure: undefined, grounds: [{ kind: 'case', ref: '' }], summary: '', decidedBy: '', decidedOn: todayLocal(), publishOn: false, publish: { nodeId: null, roles: [] }, ...extra };
}

/** The body the server takes; the audience only for a 通报批评 the recorder chose to publish. */
export function recordBody(v: RecordValues): RecordBody {
  const grounds = v.grounds.filter((g) => g.ref?.trim()).map((g) => ({ kind: g.kind, ref: g.ref.trim(), ...(g.note?.trim() ? { note: g.note.trim() } : {}) }));
  const publish = v.form === 'circulated' && v.publishOn && v.publish.nodeId ? { publish: { nodeId: v.publish.nodeId, ...(v.publish.roles.length > 0 ? { roles: v.publish.roles } : {}) } } : {};
  return { personId: v.personId!, form: v.form, measure: v.measure!, grounds, summary: v.summary.trim(), decidedBy: v.decidedBy.trim(), decidedOn: v.decidedOn, ...publish };
}

function GroundsField({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="grounds">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('accountability.form.grounds')}</Typography.Text>
          {fields.map((f, i) => (
            <Flex key={f.key} gap={8} align="start" wrap={false}>
              <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 8 }}>
                <Select<Ground['kind']> style={{ width: 110 }} options={groundKinds.map((k) => ({ value: k, label: t(`accountability.groundKinds.${k}`) }))} data-testid={`acc-ground-kind-${i}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'ref']} style={{ marginBottom: 8, flex: 1 }} rules={[{ required: required && i === 0, whitespace: true, message: t('accountability.form.groundRequired') }, { max: 60 }]}>
                <Input placeholder={t('accountability.form.groundRef')} data-testid={`acc-ground-ref-${i}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'note']} style={{ marginBottom: 8, flex: 1 }} rules={[{ max: 200 }]}>
                <Input placeholder={t('accountability.form.groundNote')} />
              </Form.Item>
              {fields.length > 1 ? <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} /> : null}
            </Flex>
          ))}
          {fields.length < 19 ? <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'case', ref: '' })} data-testid="acc-ground-add">{t('accountability.form.addGround')}</Button> : null}
        </Flex>
      )}
    </Form.List>
  );
}

/** The audience of a 通报批评: shown only for that form, and only once the recorder opts to publish. */
function PublishFields() {
  const { t } = useTranslation();
  const form = Form.useWatch<RecordForm>('form');
  const on = Form.useWatch<boolean>('publishOn');
  if (form !== 'circulated') return null;
  return (
    <>
      <Form.Item name="publishOn" valuePropName="checked" extra={t('accountability.form.publishHint')}>
        <Checkbox data-testid="acc-publish-on">{t('accountability.form.publish')}</Checkbox>
      </Form.Item>
      {on ? (
        <>
          <Form.Item name={['publish', 'nodeId']} label={t('accountability.form.audienceNode')} rules={[{ required: true }]}>
            <NodeSelect data-testid="acc-publish-node" />
          </Form.Item>
          <Form.Item name={['publish', 'roles']} label={t('accountability.form.audienceRoles')} extra={t('accountability.form.audienceRolesHint')}>
            <Select<AudienceRole[]> mode="multiple" allowClear options={audienceRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="acc-publish-roles" />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

interface Props {
  open: boolean;
  title: string;
  initial: RecordValues;
  /** The person is fixed (a review item about them). */
  lockPerson?: { id: number; name: string } | undefined;
  /** Whether at least one ground must be given (not when a review item is the ground). */
  groundsRequired: boolean;
  saving: boolean;
  onClose: () => void;
  save: (body: RecordBody) => Promise<void>;
}

export function RecordFormDrawer({ open, title, initial, lockPerson, groundsRequired, saving, onClose, save }: Props) {
  const { t } = useTranslation();
  const { form, onSubmit } = useDrawerForm<RecordValues>((v) => save(recordBody(v)));
  const chosenForm = Form.useWatch<RecordForm>('form', form) ?? initial.form;
  return (
    <EditDrawer<RecordValues> open={open} title={title} form={form} saving={saving} onClose={onClose} onSubmit={onSubmit} initialValues={initial} testId="acc-record-form">
      <Form.Item name="personId" label={t('accountability.form.person')} rules={[{ required: true }]}>
        <PersonSelect disabled={!!lockPerson} currentLabel={lockPerson?.name ?? null} data-testid="acc-person" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="form" label={t('accountability.form.form')} rules={[{ required: true }]} style={{ minWidth: 180 }}>
          <Select<RecordForm>
            options={forms.map((f) => ({ value: f, label: <span data-testid={`acc-form-${f}`}>{t(`accountability.forms.${f}`)}</span> }))}
            onChange={(f) => form.setFieldValue('measure', measuresByForm[f].length === 1 ? measuresByForm[f][0] : undefined)}
            data-testid="acc-form"
          />
        </Form.Item>
        <Form.Item name="measure" label={t('accountability.form.measure')} rules={[{ required: true }]} style={{ minWidth: 180, flex: 1 }}>
          <Select<Measure> options={(measuresByForm[chosenForm] as readonly Measure[]).map((m) => ({ value: m, label: <span data-testid={`acc-measure-${m}`}>{t(`accountability.measures.${m}`)}</span> }))} data-testid="acc-measure" />
        </Form.Item>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t(`accountability.formHints.${chosenForm}`)}</Typography.Paragraph>
      <GroundsField required={groundsRequired} />
      <Form.Item name="summary" label={t('accountability.form.summary')} rules={[{ required: true, whitespace: true }, { max: 5000 }]} style={{ marginTop: 16 }}>
        <Input.TextArea rows={4} maxLength={5000} showCount data-testid="acc-summary" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="decidedBy" label={t('accountability.form.decidedBy')} extra={t('accountability.form.decidedByHint')} rules={[{ required: true, whitespace: true }, { max: 100 }]} style={{ flex: 1, minWidth: 200 }}>
          <Input data-testid="acc-decided-by" />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('accountability.form.decidedOn')} rules={[{ required: true }]}>
          <Input type="date" data-testid="acc-decided-on" />
        </Form.Item>
      </Flex>
      <PublishFields />
    </EditDrawer>
  );
}
