/**
 * Create a node under a parent (its level follows from the parent's) or edit one.
 * Level and parent never change here: moving a subtree is a separate, rarer operation.
 */
import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminNode, NodeLevel } from '../../api/types.js';
import { EditDrawer } from '../../common/edit-drawer.js';
import { useDrawerForm } from '../../common/use-drawer-form.js';
import { nodeKinds } from './node-kinds.js';
import { useNodeMutations } from './nodes.api.js';

interface Values {
  kind: string;
  code: string;
  name: string;
  households: number | null;
}

export type NodeFormTarget = { mode: 'create'; parent: AdminNode | null; level: NodeLevel } | { mode: 'edit'; node: AdminNode };

export function NodeForm({ target, onClose, onSaved }: { target: NodeFormTarget | null; onClose: () => void; onSaved: (node: AdminNode) => void }) {
  const { t, i18n } = useTranslation();
  const { create, update } = useNodeMutations();
  const level = target?.mode === 'edit' ? target.node.level : target?.level ?? 'district';
  const kinds = nodeKinds[level].map((k) => ({ value: k.value, label: i18n.resolvedLanguage === 'en-US' ? `${k.en}（${k.value}）` : k.value }));

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    if (!target) return;
    const saved =
      target.mode === 'edit'
        ? await update.mutateAsync({ id: target.node.id, body: { kind: v.kind, code: v.code.trim(), name: v.name.trim(), households: v.households ?? null } })
        : await create.mutateAsync({ parentId: target.parent?.id ?? null, level, kind: v.kind, code: v.code.trim(), name: v.name.trim(), households: v.households ?? null });
    onSaved(saved);
  });

  const initial: Partial<Values> =
    target?.mode === 'edit'
      ? { kind: target.node.kind, code: target.node.code, name: target.node.name, households: target.node.households }
      : { kind: nodeKinds[level][0]?.value, code: target?.parent ? target.parent.code : '' };
  const title = target?.mode === 'edit' ? `${t('common.edit')} · ${target.node.name}` : `${t('nodes.addChild')} · ${t(`levels.${level}`)}`;

  return (
    <EditDrawer<Values> open={target !== null} title={title} form={form} saving={create.isPending || update.isPending} onClose={onClose} onSubmit={onSubmit} initialValues={initial} testId="node-form">
      {target?.mode === 'create' && target.parent ? (
        <Typography.Paragraph type="secondary">{t('nodes.parent')}：{target.parent.name}（{target.parent.code}）</Typography.Paragraph>
      ) : null}
      <Form.Item name="name" label={t('nodes.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input data-testid="node-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('nodes.kind')} rules={[{ required: true }]}>
        <Select options={kinds} />
      </Form.Item>
      <Form.Item name="code" label={t('nodes.code')} extra={t('nodes.codeHint')} rules={[{ required: true, pattern: /^[0-9A-Za-z][0-9A-Za-z_.-]{0,39}$/ }]}>
        <Input inputMode="numeric" data-testid="node-code" />
      </Form.Item>
      <Form.Item name="households" label={t('nodes.households')}>
        <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
      </Form.Item>
    </EditDrawer>
  );
}
