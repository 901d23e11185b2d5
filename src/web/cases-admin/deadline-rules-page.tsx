/** 办理时限: the built-in defaults per urgency, and the per-category overrides. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { RowActions } from '../common/row-actions.js';
import { useEditing } from '../common/use-editing.js';
import { useProblem } from '../common/use-problem.js';
import { useDeadlineRuleMutations, useDeadlineRules, type DeadlineDefault, type DeadlineRule, type Urgency } from './cases-admin.api.js';
import { DeadlineRuleForm } from './deadline-rule-form.js';
import { spanText, urgencyColors } from './labels.js';

export function DeadlineRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useProblem();
  const rules = useDeadlineRules();
  const { remove } = useDeadlineRuleMutations();
  const editing = useEditing<DeadlineRule>();
  const canEdit = !!rules.data?.actions.includes('update');

  const urgencyTag = (u: Urgency) => <Tag color={urgencyColors[u]}>{t(`casesAdmin.urgencies.${u}`)}</Tag>;
  const spanColumns = [
    { title: t('casesAdmin.deadlines.dispatch'), key: 'dispatch', render: (_: unknown, r: DeadlineDefault) => spanText(t, r.dispatchHours, null) },
    { title: t('casesAdmin.deadlines.sign'), key: 'sign', render: (_: unknown, r: DeadlineDefault) => spanText(t, r.signHours, null) },
    { title: t('casesAdmin.deadlines.feedback'), key: 'feedback', render: (_: unknown, r: DeadlineDefault) => spanText(t, r.feedbackHours, r.feedbackWorkingDays) },
  ];
  const defaultColumns: TableColumnsType<DeadlineDefault> = [{ title: t('casesAdmin.deadlines.urgency'), dataIndex: 'urgency', render: urgencyTag }, ...spanColumns];
  const ruleColumns: TableColumnsType<DeadlineRule> = [
    { title: t('casesAdmin.deadlines.category'), dataIndex: 'category', render: (c: string) => <Tag color="geekblue">{c}</Tag> },
    { title: t('casesAdmin.deadlines.urgency'), dataIndex: 'urgency', render: urgencyTag },
    ...spanColumns,
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <RowActions
          actions={r.actions}
          name={`${r.category} · ${t(`casesAdmin.urgencies.${r.urgency}`)}`}
          testId={`deadline-${r.id}`}
          onEdit={() => editing.edit(r)}
          onDelete={() => remove.mutateAsync(r.id).then(() => void message.success(t('common.deleted')), report)}
        />
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="deadlines-page">
      <PageHeader
        title={t('casesAdmin.deadlines.title')}
        hint={t('casesAdmin.deadlines.hint')}
        extra={canEdit ? <Button type="primary" icon={<PlusOutlined />} onClick={editing.create} data-testid="deadline-add">{t('common.create')}</Button> : null}
      />
      {rules.error ? <ProblemAlert error={rules.error} onRetry={() => void rules.refetch()} /> : null}
      <Flex vertical gap={16}>
        <Card size="small" title={t('casesAdmin.deadlines.defaults')}>
          <Table<DeadlineDefault> rowKey="urgency" size="small" columns={defaultColumns} dataSource={rules.data?.defaults ?? []} loading={rules.isPending} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
        <Card size="small" title={t('casesAdmin.deadlines.rules')}>
          <Table<DeadlineRule>
            rowKey="id"
            size="middle"
            columns={ruleColumns}
            dataSource={rules.data?.items ?? []}
            loading={rules.isFetching}
            locale={{ emptyText: t('casesAdmin.deadlines.noRules') }}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      </Flex>
      <DeadlineRuleForm open={editing.open} rule={editing.current} onClose={editing.close} onSaved={() => { void message.success(t('common.saved')); editing.close(); }} />
    </div>
  );
}
