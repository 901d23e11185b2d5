/**
 * A new staff account with its roles (each within a subtree), or a change of name / status
 * of an existing one. The initial password must be changed at first sign-in.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/types.js';
import { EditDrawer } from '../../common/edit-drawer.js';
import { useDrawerForm } from '../../common/use-drawer-form.js';
import { PersonSelect } from '../shared/entity-selects.js';
import { NodeSelect } from '../shared/node-select.js';
import { roleOptions, type GrantableRole } from '../shared/role-options.js';
import { useAccountMutations } from './accounts.api.js';

interface Values {
  username: string;
  displayName: string;
  phone: string;
  initialPassword: string;
  personId: number | null;
  /** Rows being filled in; the form's rules make both fields required before submit. */
  roles: { role?: GrantableRole; nodeId?: number }[];
  active: boolean;
}

function CreateFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="username" label={t('accounts.username')} rules={[{ required: true, pattern: /^(?![0-9]+$)[a-z0-9_]{3,32}$/i }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('accounts.phone')} rules={[{ pattern: /^1\d{10}$/ }]}>
        <Input type="tel" maxLength={11} />
      </Form.Item>
      <Form.Item name="initialPassword" label={t('accounts.initialPassword')} extra={`${t('accounts.initialPasswordHint')} · ${t('auth.passwordRule')}`} rules={[{ required: true, min: 8 }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="personId" label={t('accounts.person')}>
        <PersonSelect />
      </Form.Item>
      <Form.List name="roles">
        {(fields, { add, remove }) => (
          <Form.Item label={t('accounts.roles')} required>
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start">
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true }]} noStyle>
                    <Select options={roleOptions(t)} placeholder={t('roleAssign.role')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'nodeId']} rules={[{ required: true }]} noStyle>
                    <NodeSelect placeholder={t('roleAssign.node')} style={{ flex: 1, minWidth: 0 }} />
                  </Form.Item>
                  {fields.length > 1 ? <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} /> : null}
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{t('accounts.addRole')}</Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}

export function AccountForm({ open, account, onClose, onSaved }: { open: boolean; account: Account | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { create, update } = useAccountMutations();

  const { form, onSubmit } = useDrawerForm<Values>(async (v) => {
    if (account) {
      await update.mutateAsync({ id: account.id, body: { displayName: v.displayName.trim(), active: v.active } });
    } else {
      await create.mutateAsync({
        username: v.username.trim().toLowerCase(),
        displayName: v.displayName.trim(),
        phone: v.phone?.trim() ? v.phone.trim() : null,
        initialPassword: v.initialPassword,
        personId: v.personId ?? null,
        roles: v.roles.filter((r): r is { role: GrantableRole; nodeId: number } => !!r.role && !!r.nodeId),
      });
    }
    onSaved();
  });

  const initial: Partial<Values> = account ? { displayName: account.displayName, active: account.active } : { roles: [{ role: 'grid_worker' }], personId: null };

  return (
    <EditDrawer<Values> open={open} title={account ? t('accounts.editTitle') : t('accounts.createTitle')} form={form} saving={create.isPending || update.isPending} onClose={onClose} onSubmit={onSubmit} initialValues={initial} testId="account-form">
      <Form.Item name="displayName" label={t('accounts.displayName')} rules={[{ required: true, whitespace: true, max: 50 }]}>
        <Input />
      </Form.Item>
      {account ? (
        <Form.Item name="active" label={t('accounts.active')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
      ) : (
        <CreateFields />
      )}
    </EditDrawer>
  );
}
