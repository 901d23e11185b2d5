/**
 * The frame of the resident pages on a phone: a slim top bar, the page, and a bottom tab
 * bar (首页 · 我要反映 · 我的诉求 · 大家反映 · 进度查询). It also frames the public pages
 * (/track, /m/public), so it works signed out: then the top bar offers 登录.
 */
import { EditOutlined, FileTextOutlined, HomeOutlined, LeftOutlined, SearchOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/auth.api.js';
import { Brand } from '../common/brand.js';
import { FullPageSpin } from '../common/page-state.js';
import { LanguageSwitch } from '../common/language-switch.js';
import './mobile.css';

const tabs = [
  { to: '/m', id: 'home', icon: <HomeOutlined />, end: true },
  { to: '/m/new', id: 'new', icon: <EditOutlined />, end: false },
  { to: '/m/cases', id: 'cases', icon: <FileTextOutlined />, end: false },
  { to: '/m/public', id: 'public', icon: <TeamOutlined />, end: false },
  { to: '/track', id: 'track', icon: <SearchOutlined />, end: false },
] as const;

export function MobileLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  return (
    <div className="gz-mobile gz-res">
      <header className="gz-mobile__bar">
        <Link to={me ? '/m' : '/track'} aria-label={t('resident.tabs.home')}>
          <Brand />
        </Link>
        <span className="gz-res__bar-end">
          <LanguageSwitch />
          {me ? null : (
            <Link to={`/login?next=${encodeURIComponent(location.pathname)}`} data-testid="m-login">
              <Button size="small" type="primary">{t('resident.signIn')}</Button>
            </Link>
          )}
        </span>
      </header>
      <main className="gz-res__main">
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      </main>
      <nav className="gz-res-tabs" aria-label={t('resident.tabs.home')}>
        {tabs.map((tab) => (
          <NavLink key={tab.id} to={tab.to} end={tab.end} className={({ isActive }) => `gz-res-tabs__item${isActive ? ' gz-res-tabs__item--active' : ''}`} data-testid={`m-${tab.id}`}>
            <span className="gz-res-tabs__icon">{tab.icon}</span>
            <span className="gz-res-tabs__label">{t(`resident.tabs.${tab.id}`)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}

/** A page's title row, with a back arrow when the page is below a list. */
export function PageHead({ title, back, extra }: { title: ReactNode; back?: string; extra?: ReactNode }) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  return (
    <div className="gz-res-head">
      {back ? <Button type="text" icon={<LeftOutlined />} aria-label={t('common.back')} onClick={() => void navigate(back)} data-testid="page-back" /> : null}
      <Typography.Title level={4} className="gz-res-head__title">{title}</Typography.Title>
      {extra ? <span className="gz-res-head__extra">{extra}</span> : null}
    </div>
  );
}
