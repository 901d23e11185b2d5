/** Adding a local category under a parent (or as a first-level class), or renaming / re-sorting one. */
import { Alert, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditDrawer } from '../common/edit-drawer.js';
import { useDrawerForm } from '../common/use-drawer-form.js';
import { useCategoryMutations, type Category } from './cases-admin.api.js';

export type CategoryFormTarget = { mode: 'create'; parent: Category | null } | { mode: 'edit'; category: Category };

interface Values {
  name: string;
  sortOrder: number | null;
}

export function CategoryForm({ target, onClose, onSaved }: { target: CategoryFormTarget | null; onClose: () => void; onSaved: (c: Category) => void }) {
  const { t } = useTranslation();
  const { create, update } = useCategoryMutations();
  const editing = target?.mode === 'edit' ? target.category : null;
  const canRename = !editing || editing.actions.includes('rename');

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    let saved: Category;
    if (target?.mode === 'create') {
      saved = await create.mutateAsync({ parentId: target.parent?.id ?? null, name: v.name.trim(), ...(v.sortOrder !== null && v.sortOrder !== undefined ? { sortOrder: v.sortOrder } : {}) });
    } else if (editing) {
      saved = await update.mutateAsync({ id: editing.id, body: { ...(canRename ? { name: v.name.trim() } : {}), ...(v.sortOrder !== null && v.sortOrder !== undefined ? { sortOrder: v.sortOrder } : {}) } });
    } else return;
    onSaved(saved);
  });

  const title = target?.mode === 'create' ? t('casesAdmin.categories.createTitle') : t('casesAdmin.categories.renameTitle');
  const initial: Partial<Values> = editing ? { name: editing.name, sortOrder: editing.sortOrder } : { sortOrder: null };

  return (
    <EditDrawer<Values> open={target !== null} title={title} form={form} saving={create.isPending || update.isPending} onClose={onClose} onSubmit={onSubmit} initialValues={initial} testId="category-form">
      {target?.mode === 'create' ? (
        <Form.Item label={t('casesAdmin.categories.parent')}>
          <Input value={target.parent?.path ?? '—'} disabled />
        </Form.Item>
      ) : null}
      {editing && canRename ? <Alert type="info" showIcon title={t('casesAdmin.categories.renameHint')} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="name"
        label={t('casesAdmin.categories.name')}
        extra={t('casesAdmin.categories.nameRule')}
        rules={[{ required: true, whitespace: true, max: 50 }, { pattern: /^[^/|]+$/, message: t('casesAdmin.categories.nameRule') }]}
      >
        <Input disabled={!canRename} maxLength={50} data-testid="category-name" />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('casesAdmin.categories.sortOrder')}>
        <InputNumber precision={0} min={-100000} max={100000} style={{ width: 160 }} />
      </Form.Item>
    </EditDrawer>
  );
}
