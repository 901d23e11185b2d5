/**
 * 触发阈值设置 (/console/accountability/settings): the thresholds at which figures open a
 * 问责复核事项 — for the whole deployment, or overridden in one subtree (the deepest setting
 * wins). Each trigger can be switched off; only changed rows are saved, each at the version
 * read, and a subtree's row can be dropped to inherit again.
 */
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, InputNumber, Radio, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem.js';
import { useAreaName } from '../cases/case-selects.js';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { useProblem } from '../common/use-problem.js';
import { NodeSelect } from '../org/shared/node-select.js';
import { useReviewSettings, useSaveSettings, type SettingsBody, type SettingsView, type TriggerKind } from './accountability.api.js';

type Row = SettingsView['items'][number];
type Change = SettingsBody['items'][number];

const hasThreshold = (k: TriggerKind) => k !== 'failing_scorecard';
const isRate = (k: TriggerKind) => k === 'dissatisfaction_rate';

function SettingsTable({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveSettings();
  const showProblem = useProblem();
  const [changes, setChanges] = useState<Partial<Record<TriggerKind, Change>>>({});
  const rows: Row[] = view.items.map((r) => ({ ...r, ...changes[r.kind] }));
  const own = (r: Row) => r.fromPath === view.path && r.version > 0;
  const edit = (r: Row, patch: Partial<Change>) => setChanges((c) => ({ ...c, [r.kind]: { kind: r.kind, enabled: r.enabled, threshold: r.threshold, minCases: r.minCases, version: view.items.find((i) => i.kind === r.kind)!.version, ...c[r.kind], ...patch } }));

  const columns: TableColumnsType<Row> = [
    { title: t('accountability.items.trigger'), dataIndex: 'kind', render: (k: TriggerKind) => <Flex vertical><span>{t(`accountability.triggers.${k}`)}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`accountability.triggerHints.${k}`)}</Typography.Text></Flex> },
    { title: t('accountability.settings.enabled'), key: 'enabled', render: (_: unknown, r) => <Switch checked={r.enabled} onChange={(enabled) => edit(r, { enabled, inherit: false })} data-testid={`acc-set-enabled-${r.kind}`} /> },
    {
      title: t('accountability.settings.threshold'),
      key: 'threshold',
      render: (_: unknown, r) => (hasThreshold(r.kind) ? (
        <InputNumber value={r.threshold} min={isRate(r.kind) ? 0 : 1} max={isRate(r.kind) ? 99 : 1000} precision={isRate(r.kind) ? 1 : 0} suffix={isRate(r.kind) ? '%' : undefined} onChange={(v) => edit(r, { threshold: v, inherit: false })} style={{ width: 120 }} data-testid={`acc-set-threshold-${r.kind}`} />
      ) : '—'),
    },
    { title: t('accountability.settings.minCases'), key: 'minCases', render: (_: unknown, r) => (isRate(r.kind) ? <InputNumber value={r.minCases} min={1} max={10000} precision={0} onChange={(v) => edit(r, { minCases: v, inherit: false })} style={{ width: 110 }} /> : '—') },
    {
      title: t('accountability.settings.source'),
      key: 'source',
      render: (_: unknown, r) => (changes[r.kind]?.inherit ? <Tag color="orange">{t('accountability.settings.willInherit')}</Tag> : own(r) ? <Tag color="blue">{t('accountability.settings.own')}</Tag> : r.fromPath ? <Tag>{t('accountability.settings.inherited')}</Tag> : <Tag>{t('accountability.settings.default')}</Tag>),
    },
    { title: '', key: 'inherit', render: (_: unknown, r) => (view.nodeId !== null && own(r) ? <Button size="small" onClick={() => edit(r, { inherit: true })}>{t('accountability.settings.inherit')}</Button> : null) },
  ];

  const submit = () => {
    const items = Object.values(changes).filter((c): c is Change => !!c);
    if (items.length === 0) return;
    save.mutate({ nodeId: view.nodeId, items }, {
      onSuccess: () => {
        setChanges({});
        void message.success(t('common.saved'));
      },
      onError: (e) => showProblem(e),
    });
  };

  return (
    <Card size="small" extra={<Button type="primary" icon={<SaveOutlined />} disabled={Object.keys(changes).length === 0} loading={save.isPending} onClick={submit} data-testid="acc-settings-save">{t('common.save')}</Button>}>
      <Table<Row> rowKey="kind" size="middle" pagination={false} dataSource={rows} columns={columns} scroll={{ x: 'max-content' }} data-testid="acc-settings-table" />
    </Card>
  );
}

function Overrides({ view }: { view: SettingsView }) {
  const { t } = useTranslation();
  const areaName = useAreaName();
  if (view.overrides.length === 0) return null;
  return (
    <Card size="small" title={t('accountability.settings.overrides')}>
      <Flex vertical gap={4}>
        {view.overrides.map((o) => (
          <span key={`${o.kind}:${o.nodeId}`}>{areaName(o.nodeId) ?? `#${o.nodeId}`} · {t(`accountability.triggers.${o.kind}`)}：{o.enabled ? (o.threshold ?? '—') : t('accountability.settings.off')}</span>
        ))}
      </Flex>
    </Card>
  );
}

export function ReviewSettingsPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'deployment' | 'node'>('deployment');
  const [nodeId, setNodeId] = useState<number | null>(null);
  const chosen = scope === 'deployment' ? null : nodeId;
  const view = useReviewSettings(chosen);
  const waiting = scope === 'node' && nodeId === null;
  const forbidden = isApiProblem(view.error) && view.error.status === 403;

  return (
    <div className="gz-page" data-testid="acc-settings-page">
      <PageHeader title={t('accountability.settings.title')} hint={t('accountability.settings.hint')} extra={<Button icon={<ReloadOutlined />} onClick={() => void view.refetch()} loading={view.isFetching}>{t('common.refresh')}</Button>} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'deployment' | 'node')} optionType="button" buttonStyle="solid">
          <Radio.Button value="deployment">{t('accountability.settings.deployment')}</Radio.Button>
          <Radio.Button value="node" data-testid="acc-settings-scope-node">{t('accountability.settings.subtree')}</Radio.Button>
        </Radio.Group>
        {scope === 'node' ? <NodeSelect value={nodeId} onChange={setNodeId} style={{ minWidth: 260 }} data-testid="acc-settings-node" /> : null}
      </Flex>
      {forbidden ? <Typography.Text type="secondary">{t(scope === 'deployment' ? 'accountability.settings.deploymentForbidden' : 'accountability.settings.nodeForbidden')}</Typography.Text> : null}
      {view.error && !forbidden ? <ProblemAlert error={view.error} onRetry={() => void view.refetch()} /> : null}
      {!waiting && view.data ? (
        <Flex vertical gap={16}>
          <SettingsTable key={`${chosen}:${view.dataUpdatedAt}`} view={view.data} />
          <Overrides view={view.data} />
        </Flex>
      ) : null}
    </div>
  );
}
