/**
 * 保密员审批 (/console/supervision/identity-requests): a custodian's two queues, as tabs.
 *  - 身份查看申请: the inspectors' requests to see a real-name reporter's identity on the
 *    reports the custodian holds in escrow, newest first, with 同意 / 不同意 on the pending
 *    ones. An approval cannot be taken back (the identity is sealed to the inspector).
 *  - 密钥恢复申请 (`?tab=keys`): users whose supervision key a password reset left locked and
 *    whose escrowed copy this custodian holds, with 恢复 on the pending ones; the key is theirs
 *    again at their next sign-in.
 * Each decision is confirmed first and audited by the server.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { useApproveRecovery, useDecideIdentity, useIdentityRequests, useKeyRecoveries, type IdentityRequest, type KeyRecovery } from './supervision.api.js';

const statusColors: Record<IdentityRequest['status'], string> = { pending: 'gold', approved: 'green', denied: 'default' };
const recoveryColors: Record<KeyRecovery['status'], string> = { pending: 'gold', approved: 'green' };

type Tab = 'identity' | 'keys';

function IdentityRequestsTab() {
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
    <>
      <Typography.Paragraph type="secondary">{t('supervision.custody.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>{t('common.refresh')}</Button>
      </Space>
      <ListTable<IdentityRequest> list={list} columns={columns} paging={20} locale={{ emptyText: t('supervision.custody.empty') }} data-testid="sv-identity-requests-table" />
    </>
  );
}

function KeyRecoveriesTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const { modal, message } = App.useApp();
  const list = useKeyRecoveries();
  const approve = useApproveRecovery();
  const showProblem = useProblem();

  const confirm = (r: KeyRecovery) =>
    modal.confirm({
      title: t('supervision.recovery.approve'),
      content: t('supervision.recovery.approveConfirm', { name: r.name }),
      okText: t('supervision.recovery.approve'),
      cancelText: t('common.cancel'),
      onOk: () =>
        approve.mutateAsync(r.userId).then(
          () => void message.success(t('supervision.recovery.approved')),
          (e: unknown) => showProblem(e),
        ),
    });

  const columns: TableColumnsType<KeyRecovery> = [
    { title: t('supervision.recovery.user'), dataIndex: 'name', render: (name: string, r) => <span data-testid={`sv-recovery-${r.userId}`}>{name}</span> },
    { title: t('supervision.recovery.requestedAt'), dataIndex: 'requestedAt', width: 180, render: (at: string) => <span className="gz-nowrap">{formatDateTime(at, lang)}</span> },
    { title: t('supervision.custody.status'), dataIndex: 'status', width: 110, render: (s: KeyRecovery['status']) => <Tag color={recoveryColors[s]} data-testid={`sv-recovery-status-${s}`}>{t(`supervision.recovery.statuses.${s}`)}</Tag> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, r) =>
        r.status === 'pending' ? (
          <Button size="small" type="primary" onClick={() => confirm(r)} data-testid={`sv-recovery-${r.userId}-approve`}>{t('supervision.recovery.approve')}</Button>
        ) : null,
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('supervision.recovery.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching} data-testid="sv-recoveries-reload">{t('common.refresh')}</Button>
      </Space>
      <ListTable<KeyRecovery> list={list} columns={columns} rowKey="userId" paging={20} locale={{ emptyText: t('supervision.recovery.empty') }} data-testid="sv-recoveries-table" />
    </>
  );
}

export function IdentityRequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = requested === 'keys' ? 'keys' : 'identity';

  return (
    <div className="gz-page" data-testid="sv-identity-requests-page">
      <PageHeader title={t('supervision.custody.pageTitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'keys' ? { tab: 'keys' } : {}, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'identity', label: <span data-testid="sv-custody-tab-identity">{t('supervision.custody.title')}</span>, children: <IdentityRequestsTab /> },
          { key: 'keys', label: <span data-testid="sv-custody-tab-keys">{t('supervision.recovery.title')}</span>, children: <KeyRecoveriesTab /> },
        ]}
        data-testid="sv-custody-tabs"
      />
    </div>
  );
}
