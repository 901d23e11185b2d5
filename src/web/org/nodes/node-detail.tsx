/** The selected node: its fields and the actions the server allows on it. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminNode } from '../../api/types.js';
import { useProblem } from '../../common/use-problem.js';
import { childLevelOf, kindLabel } from './node-kinds.js';
import type { NodeFormTarget } from './node-form.js';
import { useNodeMutations } from './nodes.api.js';

interface Props {
  node: AdminNode | null;
  onOpenForm: (target: NodeFormTarget) => void;
  onDeleted: (node: AdminNode) => void;
}

export function NodeDetail({ node, onOpenForm, onDeleted }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { remove } = useNodeMutations();
  const report = useProblem();
  if (!node) return <Card><Empty description={t('nodes.selectHint')} /></Card>;
  const childLevel = childLevelOf(node.level);

  const doDelete = async () => {
    try {
      await remove.mutateAsync(node.id);
      void message.success(t('common.deleted'));
      onDeleted(node);
    } catch (e) {
      report(e);
    }
  };

  return (
    <Card
      title={<Space><span data-testid="node-detail-name">{node.name}</span><Tag color="blue">{t(`levels.${node.level}`)}</Tag></Space>}
      data-testid="node-detail"
      extra={
        <Space wrap>
          {node.actions.includes('update') ? (
            <Button icon={<EditOutlined />} onClick={() => onOpenForm({ mode: 'edit', node })} data-testid="node-edit">{t('common.edit')}</Button>
          ) : null}
          {node.actions.includes('createChild') && childLevel ? (
            <Button icon={<PlusOutlined />} onClick={() => onOpenForm({ mode: 'create', parent: node, level: childLevel })} data-testid="node-add-child">{t('nodes.addChild')}</Button>
          ) : null}
          {node.actions.includes('delete') ? (
            <Popconfirm title={t('common.confirmDelete', { name: node.name })} onConfirm={doDelete} okText={t('common.yes')} cancelText={t('common.no')}>
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="node-delete">{t('common.delete')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label={t('nodes.code')}><span className="gz-mono">{node.code}</span></Descriptions.Item>
        <Descriptions.Item label={t('nodes.kind')}>{kindLabel(node.kind, i18n.resolvedLanguage ?? 'zh-CN')}</Descriptions.Item>
        <Descriptions.Item label={t('nodes.households')}>{node.households ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('nodes.childCount')}>{node.childCount}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
