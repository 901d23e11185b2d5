/** A reply template: title, text, and optionally the category (with its subtree) and case state it applies to. */
import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditDrawer } from '../common/edit-drawer.js';
import { useDrawerForm } from '../common/use-drawer-form.js';
import { useTemplateMutations, type CaseState, type Template } from './cases-admin.api.js';
import { CategorySelect } from './category-select.js';
import { caseStateOrder } from './labels.js';

interface Values {
  title: string;
  body: string;
  category: string | null;
  state: CaseState | null;
  active: boolean;
}

export function TemplateForm({ open, item, onClose, onSaved }: { open: boolean; item: Template | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { create, update } = useTemplateMutations();

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    const body = { title: v.title.trim(), body: v.body.trim(), category: v.category ?? null, state: v.state ?? null, active: v.active };
    if (item) await update.mutateAsync({ id: item.id, body });
    else await create.mutateAsync(body);
    onSaved();
  });

  const initial: Partial<Values> = item ? { title: item.title, body: item.body, category: item.category, state: item.state, active: item.active } : { category: null, state: null, active: true };

  return (
    <EditDrawer<Values> open={open} title={item ? t('casesAdmin.templates.editTitle') : t('casesAdmin.templates.createTitle')} form={form} saving={create.isPending || update.isPending} onClose={onClose} onSubmit={onSubmit} initialValues={initial} testId="template-form">
      <Form.Item name="title" label={t('casesAdmin.templates.titleLabel')} rules={[{ required: true, whitespace: true, max: 50 }]}>
        <Input maxLength={50} data-testid="template-title" />
      </Form.Item>
      <Form.Item name="body" label={t('casesAdmin.templates.body')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
        <Input.TextArea rows={6} maxLength={2000} showCount placeholder={t('casesAdmin.templates.bodyPlaceholder')} data-testid="template-body" />
      </Form.Item>
      <Form.Item name="category" label={t('casesAdmin.templates.category')}>
        <CategorySelect placeholder={t('casesAdmin.templates.any')} />
      </Form.Item>
      <Form.Item name="state" label={t('casesAdmin.templates.state')}>
        <Select allowClear placeholder={t('casesAdmin.templates.any')} options={caseStateOrder.map((s) => ({ value: s, label: t(`casesAdmin.states.${s}`) }))} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="active" label={t('casesAdmin.templates.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </EditDrawer>
  );
}
