/**
 * The administrative tree, loaded whole (a district has a few thousand nodes at most) and
 * filtered in the browser: a search keeps the matching nodes and their ancestors, expanded.
 */
import { Card, Empty, Input, Spin, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminNode } from '../../api/types.js';
import { ProblemAlert } from '../../common/problem-alert.js';
import { buildTree, useNodeTree, type TreeNode } from '../shared/org-queries.js';

function filterTree(nodes: TreeNode[], q: string): TreeNode[] {
  const out: TreeNode[] = [];
  for (const n of nodes) {
    const kids = n.children ? filterTree(n.children, q) : [];
    const hit = n.node.name.includes(q) || n.node.code.startsWith(q);
    if (hit || kids.length > 0) out.push({ ...n, ...(kids.length > 0 ? { children: kids } : {}) });
  }
  return out;
}

function allKeys(nodes: TreeNode[]): number[] {
  return nodes.flatMap((n) => [n.key, ...(n.children ? allKeys(n.children) : [])]);
}

interface Props {
  selectedId: number | null;
  expanded: number[];
  onExpand: (keys: number[]) => void;
  onSelect: (node: AdminNode) => void;
}

export function NodeTreePanel({ selectedId, expanded, onExpand, onSelect }: Props) {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useNodeTree();
  const [q, setQ] = useState('');
  const tree = useMemo(() => buildTree(data ?? []), [data]);
  const shown = useMemo(() => (q.trim() ? filterTree(tree, q.trim()) : tree), [tree, q]);
  const searching = q.trim() !== '';

  return (
    <Card className="gz-tree-card" title={t('nodes.tree')} size="small">
      <Input.Search allowClear placeholder={t('nodes.searchPlaceholder')} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 8 }} data-testid="node-search" />
      {error ? <ProblemAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Spin /> : null}
      {!isPending && shown.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      <Tree<TreeNode>
        treeData={shown}
        blockNode
        selectedKeys={selectedId ? [selectedId] : []}
        expandedKeys={searching ? allKeys(shown) : expanded}
        onExpand={(keys) => onExpand(keys.map(Number))}
        onSelect={(_, info) => onSelect(info.node.node)}
        titleRender={(n) => (
          <span className="gz-tree-title" data-testid={`node-${n.node.code}`}>
            {n.node.name} <Typography.Text type="secondary" className="gz-mono">{n.node.code}</Typography.Text>
          </span>
        )}
        data-testid="node-tree"
      />
    </Card>
  );
}
