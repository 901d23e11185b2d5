/**
 * The staff console: a collapsible side menu (a drawer-like overlay on phones), a header with
 * the language switch and the account menu, and the current page.
 */
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSignedInMe } from '../auth/me-context.js';
import { Brand } from '../common/brand.js';
import { LanguageSwitch } from '../common/language-switch.js';
import { FullPageSpin } from '../common/page-state.js';
import { NotificationBell } from '../notify/notification-bell.js';
import { menuItems, selectedKey } from './nav.js';
import { UserMenu } from './user-menu.js';

const SIDER_KEY = 'gz_sider_collapsed';

export function ConsoleLayout() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = screens.lg === false;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDER_KEY) === '1');
  const [mobileOpen, setMobileOpen] = useState(false);
  const items = useMemo(() => menuItems(me.permissions, t), [me.permissions, t]);
  const selected = selectedKey(pathname);

  useEffect(() => setMobileOpen(false), [pathname]);

  const toggle = () => {
    if (mobile) return setMobileOpen((o) => !o);
    setCollapsed((c) => {
      localStorage.setItem(SIDER_KEY, c ? '0' : '1');
      return !c;
    });
  };
  const folded = mobile ? !mobileOpen : collapsed;

  return (
    <Layout className="gz-console" data-testid="console-layout">
      <Layout.Sider
        collapsible
        trigger={null}
        collapsed={folded}
        collapsedWidth={mobile ? 0 : 64}
        width={224}
        className={mobile ? 'gz-sider gz-sider--overlay' : 'gz-sider'}
        data-testid="console-sider"
      >
        <div className="gz-sider__brand">
          <Brand light compact={folded} />
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[selected]}
          defaultOpenKeys={['cases', 'insight', 'supervision', 'accountability', 'org']}
          onClick={({ key }) => navigate(key)}
          data-testid="console-menu"
        />
      </Layout.Sider>
      {mobile && mobileOpen ? <div className="gz-sider-mask" onClick={() => setMobileOpen(false)} aria-hidden /> : null}
      <Layout>
        <Layout.Header className="gz-header">
          <Button type="text" icon={folded ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />} onClick={toggle} aria-label={folded ? t('nav.expand') : t('nav.collapse')} data-testid="sider-toggle" />
          <div className="gz-header__spacer" />
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu />
        </Layout.Header>
        <Layout.Content className="gz-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
