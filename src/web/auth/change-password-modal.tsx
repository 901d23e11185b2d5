/**
 * Change password. When `forced` (an initial password), the modal cannot be dismissed.
 */
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../common/use-problem.js';
import { useChangePassword } from './auth.api.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, forced = false, onClose }: { open: boolean; forced?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const report = useProblem();
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      void message.success(t('auth.passwordChanged'));
      form.resetFields();
      onClose();
    } catch (e) {
      report(e, form);
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : {}}
      destroyOnHidden
      data-testid="change-password-modal"
    >
      {forced ? <Typography.Paragraph type="warning">{t('auth.mustChangePassword')}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required', { field: t('auth.currentPassword') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('auth.newPassword')} extra={t('auth.passwordRule')} rules={[{ required: true, min: 8, message: t('auth.passwordRule') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('auth.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
