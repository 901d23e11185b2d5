/** One line of the 职责清单: matters of a category in an area → organization (and post). */
import { AutoComplete, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Responsibility } from '../../api/types.js';
import { EditDrawer } from '../../common/edit-drawer.js';
import { useDrawerForm } from '../../common/use-drawer-form.js';
import { categoryOptions } from '../shared/categories.js';
import { OrgSelect, PostSelect } from '../shared/entity-selects.js';
import { NodeSelect } from '../shared/node-select.js';
import { useResponsibilityMutations } from './responsibilities.api.js';

interface Values {
  category: string;
  nodeId: number;
  orgId: number;
  postId: number | null;
  note: string;
}

export function ResponsibilityForm({ open, item, onClose, onSaved }: { open: boolean; item: Responsibility | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { create, update } = useResponsibilityMutations();

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    const body = { category: v.category.trim(), nodeId: v.nodeId, orgId: v.orgId, postId: v.postId ?? null, note: v.note?.trim() ? v.note.trim() : null };
    if (item) await update.mutateAsync({ id: item.id, body });
    else await create.mutateAsync(body);
    onSaved();
  });
  const orgId = Form.useWatch('orgId', form) ?? item?.orgId ?? null;

  const initial: Partial<Values> = item ? { category: item.category, nodeId: item.nodeId, orgId: item.orgId, postId: item.postId, note: item.note ?? '' } : { postId: null };

  return (
    <EditDrawer<Values> open={open} title={item ? t('resp.editTitle') : t('resp.createTitle')} form={form} saving={create.isPending || update.isPending} onClose={onClose} onSubmit={onSubmit} initialValues={initial} testId="resp-form">
      <Form.Item name="category" label={t('resp.category')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <AutoComplete options={categoryOptions} showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }} />
      </Form.Item>
      <Form.Item name="nodeId" label={t('resp.node')} rules={[{ required: true }]}>
        <NodeSelect />
      </Form.Item>
      <Form.Item name="orgId" label={t('resp.org')} rules={[{ required: true }]}>
        <OrgSelect currentLabel={item?.orgName ?? null} onChange={() => form.setFieldValue('postId', null)} />
      </Form.Item>
      <Form.Item name="postId" label={t('resp.post')}>
        <PostSelect orgId={orgId} currentLabel={item?.postTitle ?? null} />
      </Form.Item>
      <Form.Item name="note" label={t('resp.note')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </EditDrawer>
  );
}
