/**
 * Edit / delete buttons of a table row, shown only when the row's `actions` (computed by
 * the server's policy) list them — the console never re-implements the rules.
 */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  actions: readonly string[];
  name: string;
  onEdit?: () => void;
  onDelete?: () => Promise<unknown>;
  /** Label of the delete button (e.g. 停用 for organizations, which are deactivated). */
  deleteLabel?: string;
  confirmText?: string;
  testId: string;
}

export function RowActions({ actions, name, onEdit, onDelete, deleteLabel, confirmText, testId }: Props) {
  const { t } = useTranslation();
  const canEdit = onEdit && actions.includes('update');
  const canDelete = onDelete && actions.includes('delete');
  if (!canEdit && !canDelete) return null;
  return (
    <Space size={0}>
      {canEdit ? (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} data-testid={`${testId}-edit`}>
          {t('common.edit')}
        </Button>
      ) : null}
      {canDelete ? (
        <Popconfirm title={confirmText ?? t('common.confirmDelete', { name })} onConfirm={onDelete} okText={t('common.yes')} cancelText={t('common.no')}>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`${testId}-delete`}>
            {deleteLabel ?? t('common.delete')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
