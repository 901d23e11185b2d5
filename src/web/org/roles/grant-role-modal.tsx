/** Grant a role to an account within the subtree of a node. */
import { Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../../common/use-problem.js';
import { AccountSelect } from '../shared/entity-selects.js';
import { NodeSelect } from '../shared/node-select.js';
import { roleOptions, type GrantableRole } from '../shared/role-options.js';
import { useRoleMutations } from './roles.api.js';

interface Values {
  userId: number;
  role: GrantableRole;
  nodeId: number;
}

export function GrantRoleModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { grant } = useRoleMutations();
  const report = useProblem();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await grant.mutateAsync(v);
      onSaved();
    } catch (e) {
      report(e, form);
    }
  };

  return (
    <Modal open={open} title={t('roleAssign.createTitle')} onCancel={onClose} onOk={() => void submit()} confirmLoading={grant.isPending} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden data-testid="grant-role-modal">
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="userId" label={t('roleAssign.user')} rules={[{ required: true }]}>
          <AccountSelect />
        </Form.Item>
        <Form.Item name="role" label={t('roleAssign.role')} rules={[{ required: true }]}>
          <Select options={roleOptions(t)} />
        </Form.Item>
        <Form.Item name="nodeId" label={t('roleAssign.node')} rules={[{ required: true }]}>
          <NodeSelect />
        </Form.Item>
        <Typography.Text type="secondary">{t('roleAssign.scopeHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
