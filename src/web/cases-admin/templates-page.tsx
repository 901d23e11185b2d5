/**
 * 常用回复: the reply templates, filtered the way a handler sees them for a case (a
 * category applies with its subtree; a template without category or state applies to all).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { RowActions } from '../common/row-actions.js';
import { useEditing } from '../common/use-editing.js';
import { useProblem } from '../common/use-problem.js';
import { useTemplateMutations, useTemplates, type CaseState, type Template } from './cases-admin.api.js';
import { CategorySelect } from './category-select.js';
import { caseStateOrder } from './labels.js';
import { TemplateForm } from './template-form.js';

export function TemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useProblem();
  const [category, setCategory] = useState<string | null>(null);
  const [state, setState] = useState<CaseState | null>(null);
  const list = useTemplates({ ...(category ? { category } : {}), ...(state ? { state } : {}) });
  const { remove } = useTemplateMutations();
  const editing = useEditing<Template>();
  const any = <Typography.Text type="secondary">{t('casesAdmin.templates.any')}</Typography.Text>;

  const columns: TableColumnsType<Template> = [
    { title: t('casesAdmin.templates.titleLabel'), dataIndex: 'title', render: (v: string, r) => <span className={r.active ? undefined : 'gz-inactive'}>{v}</span> },
    { title: t('casesAdmin.templates.category'), dataIndex: 'category', render: (c: string | null) => (c ? <Tag color="geekblue">{c}</Tag> : any) },
    { title: t('casesAdmin.templates.state'), dataIndex: 'state', render: (s: CaseState | null) => (s ? <Tag>{t(`casesAdmin.states.${s}`)}</Tag> : any) },
    { title: t('casesAdmin.templates.body'), dataIndex: 'body', ellipsis: true, responsive: ['md'] },
    { title: t('common.status'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <RowActions actions={r.actions} name={r.title} testId={`template-${r.id}`} onEdit={() => editing.edit(r)} onDelete={() => remove.mutateAsync(r.id).then(() => void message.success(t('common.deleted')), report)} />
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="templates-page">
      <PageHeader
        title={t('casesAdmin.templates.title')}
        hint={t('casesAdmin.templates.hint')}
        extra={list.data?.actions.includes('create') ? <Button type="primary" icon={<PlusOutlined />} onClick={editing.create} data-testid="template-add">{t('common.create')}</Button> : null}
      />
      <Flex wrap gap={8} className="gz-filters">
        <CategorySelect value={category} onChange={setCategory} placeholder={t('casesAdmin.templates.filterCategory')} />
        <Select<CaseState>
          allowClear
          value={state ?? undefined}
          onChange={(v) => setState(v ?? null)}
          placeholder={t('casesAdmin.templates.filterState')}
          options={caseStateOrder.map((s) => ({ value: s, label: t(`casesAdmin.states.${s}`) }))}
          style={{ width: 180 }}
        />
      </Flex>
      <ListTable list={list} columns={columns} paging={20} />
      <TemplateForm open={editing.open} item={editing.current} onClose={editing.close} onSaved={() => { void message.success(t('common.saved')); editing.close(); }} />
    </div>
  );
}
