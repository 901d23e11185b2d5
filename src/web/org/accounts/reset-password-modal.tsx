/** An administrator sets a new password for an account (which must change it at next sign-in). */
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.js';
import type { Account } from '../../api/types.js';
import { useProblem } from '../../common/use-problem.js';
import { useOrgMutation } from '../shared/org-queries.js';

export function ResetPasswordModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const report = useProblem();
  const reset = useOrgMutation(({ id, newPassword }: { id: number; newPassword: string }) => call(api.POST('/api/org/accounts/{id}/password', { params: { path: { id } }, body: { newPassword } })));

  const submit = async () => {
    if (!account) return;
    const { newPassword } = await form.validateFields();
    try {
      await reset.mutateAsync({ id: account.id, newPassword });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      report(e, form);
    }
  };

  return (
    <Modal open={account !== null} title={`${t('accounts.resetPassword')} · ${account?.displayName ?? ''}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={reset.isPending} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('accounts.initialPasswordHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="newPassword" label={t('auth.newPassword')} extra={t('auth.passwordRule')} rules={[{ required: true, min: 8 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
