/**
 * API 密钥: keys of integrating systems (Open311 clients, the hotline system). A new key is
 * shown once, with a copy button; afterwards only its prefix is known. Revoking stops it at once.
 */
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Popconfirm, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { useApiKeyMutations, useApiKeys, type ApiKey, type ApiKeyInput, type IssuedKey } from './apikeys.api.js';

function IssueModal({ open, scopes, onClose, onIssued }: { open: boolean; scopes: string[]; onClose: () => void; onIssued: (issued: IssuedKey) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApiKeyInput>();
  const { issue } = useApiKeyMutations();
  const report = useProblem();
  const submit = (values: ApiKeyInput) => issue.mutate(values, { onSuccess: (issued) => { form.resetFields(); onIssued(issued); }, onError: (e) => report(e, form) });
  return (
    <Modal open={open} title={t('apikeys.createTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('apikeys.issue')} confirmLoading={issue.isPending} destroyOnHidden data-testid="apikey-form">
      <Form<ApiKeyInput> form={form} layout="vertical" onFinish={submit} initialValues={{ scopes: scopes.slice(0, 1) }} preserve={false}>
        <Form.Item name="name" label={t('apikeys.name')} extra={t('apikeys.nameHint')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('apikeys.name') }) }, { max: 100 }]}>
          <Input maxLength={100} data-testid="apikey-name" />
        </Form.Item>
        <Form.Item name="scopes" label={t('apikeys.scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required', { field: t('apikeys.scopes') }) }]}>
          <Checkbox.Group options={scopes.map((s) => ({ value: s, label: scopeLabel(s, t) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function scopeLabel(scope: string, t: TFunction): string {
  const labels: Record<string, string> = { 'cases.intake': t('apikeys.scopeIntake'), 'assessment.read': t('apikeys.scopeAssessment') };
  return labels[scope] ?? scope;
}

/** The secret, once: copy it now. */
function IssuedModal({ issued, onClose }: { issued: IssuedKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={issued !== null} title={t('apikeys.issuedTitle')} onCancel={onClose} footer={<Button type="primary" onClick={onClose} data-testid="apikey-issued-done">{t('apikeys.copiedDone')}</Button>} maskClosable={false} data-testid="apikey-issued">
      <Alert type="warning" showIcon title={t('apikeys.onceWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: issued?.key ?? '', tooltips: [t('apikeys.copy'), t('apikeys.copied')] }} code className="gz-mono" data-testid="apikey-secret" style={{ wordBreak: 'break-all' }}>
        {issued?.key}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('apikeys.usageHint')}</Typography.Paragraph>
    </Modal>
  );
}

export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const list = useApiKeys();
  const { revoke } = useApiKeyMutations();
  const report = useProblem();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const when = (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—');

  const columns: TableColumnsType<ApiKey> = [
    { title: t('apikeys.name'), dataIndex: 'name' },
    { title: t('apikeys.prefix'), dataIndex: 'prefix', render: (p: string) => <span className="gz-mono">gz_{p}…</span> },
    { title: t('apikeys.scopes'), dataIndex: 'scopes', responsive: ['md'], render: (s: string[]) => s.map((x) => <Tag key={x}>{scopeLabel(x, t)}</Tag>) },
    { title: t('apikeys.account'), dataIndex: 'username', responsive: ['lg'], render: (u: string | null) => (u ? <span className="gz-mono">{u}</span> : '—') },
    { title: t('apikeys.createdAt'), dataIndex: 'createdAt', responsive: ['md'], render: when },
    { title: t('apikeys.lastUsedAt'), dataIndex: 'lastUsedAt', render: when },
    {
      title: t('common.status'),
      dataIndex: 'revokedAt',
      width: 110,
      render: (v: string | null) => (v ? <Tag>{t('apikeys.revoked')}</Tag> : <Tag color="success">{t('common.active')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t('apikeys.confirmRevoke', { name: k.name })}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke.mutateAsync(k.id).then(() => void message.success(t('apikeys.revokedDone')), report)}
          >
            <Button type="link" danger size="small" data-testid={`apikey-revoke-${k.id}`}>{t('apikeys.revoke')}</Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div className="gz-page" data-testid="apikeys-page">
      <PageHeader
        title={t('apikeys.title')}
        hint={t('apikeys.hint')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!list.data} data-testid="apikey-create">{t('apikeys.createTitle')}</Button>}
      />
      <ListTable list={list} columns={columns} paging={false} locale={{ emptyText: <span><KeyOutlined /> {t('apikeys.empty')}</span> }} />
      <IssueModal open={creating} scopes={list.data?.scopes ?? []} onClose={() => setCreating(false)} onIssued={(k) => { setCreating(false); setIssued(k); }} />
      <IssuedModal issued={issued} onClose={() => setIssued(null)} />
    </div>
  );
}
