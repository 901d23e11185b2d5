/** Sets the deadlines of a category and urgency: dispatch and signing in hours, feedback in hours or working days. */
import { Form, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditDrawer } from '../common/edit-drawer.js';
import { useDrawerForm } from '../common/use-drawer-form.js';
import { useDeadlineRuleMutations, type DeadlineRule, type Urgency } from './cases-admin.api.js';
import { CategorySelect } from './category-select.js';
import { urgencyOrder } from './labels.js';

interface Values {
  category: string;
  urgency: Urgency;
  dispatchHours: number;
  signHours: number;
  unit: 'hours' | 'days';
  feedback: number;
}

export function DeadlineRuleForm({ open, rule, onClose, onSaved }: { open: boolean; rule: DeadlineRule | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { set } = useDeadlineRuleMutations();

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    const feedback = v.unit === 'hours' ? { feedbackHours: v.feedback, feedbackWorkingDays: null } : { feedbackHours: null, feedbackWorkingDays: v.feedback };
    await set.mutateAsync({ category: v.category, urgency: v.urgency, dispatchHours: v.dispatchHours, signHours: v.signHours, ...feedback });
    onSaved();
  }, { feedbackHours: 'feedback', feedbackWorkingDays: 'feedback' });
  const unit = Form.useWatch('unit', form) ?? (rule?.feedbackHours !== null && rule ? 'hours' : 'days');

  const initial: Partial<Values> = rule
    ? {
        category: rule.category,
        urgency: rule.urgency,
        dispatchHours: rule.dispatchHours,
        signHours: rule.signHours,
        unit: rule.feedbackHours !== null ? 'hours' : 'days',
        feedback: rule.feedbackHours ?? rule.feedbackWorkingDays ?? undefined,
      }
    : { urgency: 'general', unit: 'days' };

  return (
    <EditDrawer<Values> open={open} title={rule ? t('casesAdmin.deadlines.editTitle') : t('casesAdmin.deadlines.createTitle')} form={form} saving={set.isPending} onClose={onClose} onSubmit={onSubmit} initialValues={initial} testId="deadline-form">
      <Form.Item name="category" label={t('casesAdmin.deadlines.category')} rules={[{ required: true }]}>
        <CategorySelect allowClear={false} disabled={!!rule} data-testid="deadline-category" />
      </Form.Item>
      <Form.Item name="urgency" label={t('casesAdmin.deadlines.urgency')} rules={[{ required: true }]}>
        <Select disabled={!!rule} options={urgencyOrder.map((u) => ({ value: u, label: t(`casesAdmin.urgencies.${u}`) }))} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="dispatchHours" label={`${t('casesAdmin.deadlines.dispatch')}（${t('casesAdmin.deadlines.unitHours')}）`} rules={[{ required: true }]}>
        <InputNumber min={0.1} max={8760} step={0.5} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="signHours" label={`${t('casesAdmin.deadlines.sign')}（${t('casesAdmin.deadlines.unitHours')}）`} rules={[{ required: true }]}>
        <InputNumber min={0.1} max={8760} step={0.5} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="unit" label={t('casesAdmin.deadlines.feedbackUnit')}>
        <Radio.Group optionType="button" options={[{ value: 'days', label: t('casesAdmin.deadlines.unitDays') }, { value: 'hours', label: t('casesAdmin.deadlines.unitHours') }]} />
      </Form.Item>
      <Form.Item name="feedback" label={`${t('casesAdmin.deadlines.feedback')}（${unit === 'hours' ? t('casesAdmin.deadlines.hoursLabel') : t('casesAdmin.deadlines.daysLabel')}）`} rules={[{ required: true }]}>
        <InputNumber min={unit === 'hours' ? 0.1 : 1} max={unit === 'hours' ? 8760 : 365} precision={unit === 'hours' ? undefined : 0} step={unit === 'hours' ? 0.5 : 1} style={{ width: 160 }} />
      </Form.Item>
    </EditDrawer>
  );
}
