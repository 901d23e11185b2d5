/**
 * The header's account menu: name, roles with their areas, change password, sign out.
 */
import { FileProtectOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Grid, Space, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../auth/auth.api.js';
import { useSignedInMe } from '../auth/me-context.js';
import { ChangePasswordModal } from '../auth/change-password-modal.js';
import { grantLabel } from './grant-label.js';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [changing, setChanging] = useState(false);
  const primary = me.grants[0];

  const items: MenuProps['items'] = [
    {
      key: 'grants',
      type: 'group',
      label: t('auth.area'),
      children: me.grants.length > 0 ? me.grants.map((g, i) => ({ key: `g${i}`, label: grantLabel(g, t), disabled: true })) : [{ key: 'none', label: t('common.none'), disabled: true }],
    },
    { type: 'divider' },
    { key: 'accountability', icon: <FileProtectOutlined />, label: <span data-testid="menu-my-accountability">{t('accountability.nav.mine')}</span> },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('auth.changePassword')}</span> },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">{t('auth.logout')}</span>, danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'accountability') void navigate('/console/me/accountability');
    if (key === 'password') setChanging(true);
    if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <button type="button" className="gz-user" data-testid="user-menu">
          <Space size={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d5fbf' }} />
            {screens.sm ? (
              <span className="gz-user__text">
                <span className="gz-user__name" data-testid="user-name">{me.displayName}</span>
                {primary ? <Typography.Text type="secondary" className="gz-user__role">{grantLabel(primary, t)}</Typography.Text> : null}
              </span>
            ) : null}
          </Space>
        </button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
