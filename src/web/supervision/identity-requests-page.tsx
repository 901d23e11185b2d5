/**
 * 身份查看申请 (/console/supervision/identity-requests): for custodians, the inspectors'
 * requests to see a real-name reporter's identity on the reports the custodian holds in
 * escrow, newest first, with 同意 / 不同意 on the pending ones. Each decision is confirmed
 * first: an approval cannot be taken back (the identity is sealed to the inspector).
 */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { useDecideIdentity, useIdentityRequests, type IdentityRequest } from './supervision.api.js';

const statusColors: Record<IdentityRequest['status'], string> = { pending: 'gold', approved: 'green', denied: 'default' };

export function IdentityRequestsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const { modal, message } = App.useApp();
  const list = useIdentityRequests();
  const decide = useDecideIdentity();
  const showProblem = useProblem();

  const confirm = (r: IdentityRequest, approve: boolean) =>
    modal.confirm({
      title: approve ? t('supervision.custody.approve') : t('supervision.custody.deny'),
      content: t(approve ? 'supervision.custody.approveConfirm' : 'supervision.custody.denyConfirm', { number: r.reportNumber }),
      okText: approve ? t('supervision.custody.approve') : t('supervision.custody.deny'),
      okButtonProps: { danger: !approve },
      cancelText: t('common.cancel'),
      onOk: () =>
        decide.mutateAsync({ requestId: r.id, approve }).then(
          () => void message.success(t('supervision.custody.decided')),
          (e: unknown) => showProblem(e),
        ),
    });

  const columns: TableColumnsType<IdentityRequest> = [
    { title: t('supervision.custody.report'), dataIndex: 'reportNumber', width: 170, render: (n: string) => <span className="gz-mono gz-nowrap">{n}</span> },
    { title: t('supervision.custody.inspector'), dataIndex: 'inspectorId', width: 120, render: (id: number) => t('supervision.custody.inspectorId', { id }) },
    { title: t('supervision.custody.reason'), dataIndex: 'reason', render: (reason: string) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{reason}</Typography.Paragraph> },
    { title: t('supervision.custody.createdAt'), dataIndex: 'createdAt', width: 180, responsive: ['md'], render: (at: string) => <span className="gz-nowrap">{formatDateTime(at, lang)}</span> },
    { title: t('supervision.custody.status'), dataIndex: 'status', width: 100, render: (s: IdentityRequest['status']) => <Tag color={statusColors[s]} data-testid={`sv-request-status-${s}`}>{t(`supervision.custody.statuses.${s}`)}</Tag> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, r) =>
        r.status === 'pending' ? (
          <Space size={4}>
            <Button size="small" type="primary" onClick={() => confirm(r, true)} data-testid={`sv-request-${r.id}-approve`}>{t('supervision.custody.approve')}</Button>
            <Button size="small" danger onClick={() => confirm(r, false)} data-testid={`sv-request-${r.id}-deny`}>{t('supervision.custody.deny')}</Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <div className="gz-page" data-testid="sv-identity-requests-page">
      <PageHeader
        title={t('supervision.custody.title')}
        hint={t('supervision.custody.hint')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>{t('common.refresh')}</Button>}
      />
      <ListTable<IdentityRequest> list={list} columns={columns} paging={20} locale={{ emptyText: t('supervision.custody.empty') }} data-testid="sv-identity-requests-table" />
    </div>
  );
}
