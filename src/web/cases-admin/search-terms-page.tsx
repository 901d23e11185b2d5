/**
 * 检索词典: the words the search keeps whole when it cuts a text into words (local names,
 * coined terms). Everyone who reads cases sees the list; configurators add and remove words
 * (the add form by permission, the remove button by each row's `actions`).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem.js';
import { hasPermission } from '../auth/auth.api.js';
import { useSignedInMe } from '../auth/me-context.js';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { problemText } from '../common/problem-text.js';
import { RowActions } from '../common/row-actions.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { useSearchTermMutations, useSearchTerms, type SearchTerm } from './cases-admin.api.js';
import { searchTermProblem, SEARCH_TERM_MAX, SEARCH_TERM_MIN } from './search-term-rule.js';

function AddForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ word: string }>();
  const { add } = useSearchTermMutations();
  const report = useProblem();

  const submit = ({ word }: { word: string }) =>
    add.mutate(
      { word: word.trim() },
      {
        onSuccess: (row) => {
          form.resetFields();
          void message.success(t('casesAdmin.searchTerms.added', { word: row.word }));
        },
        // A refusal about the word itself (already there) goes under the field; the rest as usual.
        onError: (e) => (isApiProblem(e) && e.status === 409 ? form.setFields([{ name: 'word', errors: [problemText(e, t)] }]) : report(e, form)),
      },
    );

  return (
    <Form form={form} onFinish={submit} className="gz-filters" data-testid="search-term-form">
      <Flex wrap gap={8} align="start">
        <Form.Item
          name="word"
          style={{ margin: 0, width: 280, maxWidth: '100%' }}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                const why = searchTermProblem(v ?? '');
                return why ? Promise.reject(new Error(t(`casesAdmin.searchTerms.rules.${why}`, { min: SEARCH_TERM_MIN, max: SEARCH_TERM_MAX }))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input placeholder={t('casesAdmin.searchTerms.placeholder')} maxLength={SEARCH_TERM_MAX + 10} allowClear aria-label={t('casesAdmin.searchTerms.word')} data-testid="search-term-word" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="search-term-add">{t('common.add')}</Button>
      </Flex>
    </Form>
  );
}

export function SearchTermsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const canAdd = hasPermission(me, 'cases.configure');
  const list = useSearchTerms();
  const { remove } = useSearchTermMutations();
  const report = useProblem();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const items = useMemo(() => (list.data ?? []).filter((w) => !needle || w.word.toLowerCase().includes(needle)), [list.data, needle]);

  const columns: TableColumnsType<SearchTerm> = [
    { title: t('casesAdmin.searchTerms.word'), dataIndex: 'word', render: (w: string) => <span data-testid={`search-term-${w}`}>{w}</span> },
    { title: t('casesAdmin.searchTerms.createdAt'), dataIndex: 'createdAt', width: 200, render: (at: string) => <span className="gz-nowrap">{formatDateTime(at, i18n.resolvedLanguage ?? 'zh-CN')}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) => (
        <RowActions
          actions={r.actions}
          name={r.word}
          confirmText={t('casesAdmin.searchTerms.confirmRemove', { word: r.word })}
          testId={`search-term-${r.word}`}
          onDelete={() => remove.mutateAsync(r.id).then(() => void message.success(t('casesAdmin.searchTerms.removed', { word: r.word })), report)}
        />
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="search-terms-page">
      <PageHeader title={t('casesAdmin.searchTerms.title')} hint={t('casesAdmin.searchTerms.hint')} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('casesAdmin.searchTerms.effectTitle')}
        description={
          <>
            {t('casesAdmin.searchTerms.effectNew')}
            <br />
            {t('casesAdmin.searchTerms.effectOld')} <Typography.Text code copyable>gongzhi search-reindex</Typography.Text>
          </>
        }
        data-testid="search-terms-effect"
      />
      <Card size="small">
        {canAdd ? <AddForm /> : <Typography.Paragraph type="secondary" data-testid="search-terms-readonly">{t('casesAdmin.searchTerms.readOnly')}</Typography.Paragraph>}
        <Input.Search allowClear value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('casesAdmin.searchTerms.filter')} style={{ width: 240, maxWidth: '100%', marginBottom: 12 }} data-testid="search-term-filter" />
        <ListTable<SearchTerm>
          list={{ ...list, data: list.data ? { items } : undefined }}
          columns={columns}
          paging={20}
          locale={{ emptyText: needle ? t('common.empty') : t('casesAdmin.searchTerms.empty') }}
          data-testid="search-terms-table"
        />
      </Card>
    </div>
  );
}
