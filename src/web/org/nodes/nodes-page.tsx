/**
 * 行政区划: the tree on the left, the selected node's details and actions on the right
 * (stacked on phones), import/export of the whole tree.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Row } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminNode } from '../../api/types.js';
import { useMe } from '../../auth/auth.api.js';
import { PageHeader } from '../../common/page-header.js';
import { ImportExportButtons } from '../shared/import-export.js';
import { ancestorsOf, useNodeTree } from '../shared/org-queries.js';
import { NodeDetail } from './node-detail.js';
import { NodeForm, type NodeFormTarget } from './node-form.js';
import { NodeTreePanel } from './node-tree-panel.js';

export function NodesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { data: nodes } = useNodeTree();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const [formTarget, setFormTarget] = useState<NodeFormTarget | null>(null);
  // The row from the latest tree load, so edits show at once.
  const selected = useMemo(() => nodes?.find((n) => n.id === selectedId) ?? null, [nodes, selectedId]);
  // Mirrors the server's rule for creating districts (an admin at a root); the server decides.
  const topAdmin = !!me?.grants.some((g) => g.role === 'admin' && g.path.split('/').filter(Boolean).length === 1);

  useEffect(() => {
    // Open the first two levels when the tree first arrives; later loads keep the user's choice.
    if (nodes) setExpanded((keys) => (keys.length > 0 ? keys : nodes.filter((n) => n.level === 'district' || n.level === 'street').map((n) => n.id)));
  }, [nodes]);

  const onSaved = (node: AdminNode) => {
    void message.success(t('common.saved'));
    setFormTarget(null);
    setSelectedId(node.id);
    if (nodes) setExpanded((keys) => [...new Set([...keys, ...ancestorsOf(nodes, node.id), ...(node.parentId ? [node.parentId] : [])])]);
  };

  return (
    <div className="gz-page" data-testid="nodes-page">
      <PageHeader
        title={t('nodes.title')}
        extra={
          <>
            {topAdmin ? <Button icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: null, level: 'district' })}>{t('nodes.addRoot')}</Button> : null}
            <ImportExportButtons entity="nodes" label={t('nodes.title')} />
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={8}>
          <NodeTreePanel selectedId={selectedId} expanded={expanded} onExpand={setExpanded} onSelect={(n) => setSelectedId(n.id)} />
        </Col>
        <Col xs={24} lg={14} xl={16}>
          <NodeDetail node={selected} onOpenForm={setFormTarget} onDeleted={(n) => setSelectedId(n.parentId)} />
        </Col>
      </Row>
      <NodeForm target={formTarget} onClose={() => setFormTarget(null)} onSaved={onSaved} />
    </div>
  );
}
