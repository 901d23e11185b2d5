/**
 * The console menu, by permission: an item appears only when `/api/me` lists the
 * permission its page needs. The same table gives the routes' permission guards.
 */
import { ApartmentOutlined, AuditOutlined, HomeOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

export interface NavPage {
  /** Route under /console. */
  path: string;
  /** Translation key of the label; its last segment is the test id. */
  label: 'nav.nodes' | 'nav.organizations' | 'nav.people' | 'nav.posts' | 'nav.roles' | 'nav.responsibilities' | 'nav.accounts' | 'nav.audit';
  permission: string;
}

export const orgPages: NavPage[] = [
  { path: 'org/nodes', label: 'nav.nodes', permission: 'org.read' },
  { path: 'org/organizations', label: 'nav.organizations', permission: 'org.read' },
  { path: 'org/people', label: 'nav.people', permission: 'people.read' },
  { path: 'org/posts', label: 'nav.posts', permission: 'org.read' },
  { path: 'org/roles', label: 'nav.roles', permission: 'roles.assign' },
  { path: 'org/responsibilities', label: 'nav.responsibilities', permission: 'responsibility.read' },
  { path: 'org/accounts', label: 'nav.accounts', permission: 'users.manage' },
];

export const auditPage: NavPage = { path: 'audit', label: 'nav.audit', permission: 'audit.read' };

type MenuItem = Required<MenuProps>['items'][number];

function label(text: string, id: string): ReactNode {
  return <span data-testid={`nav-${id}`}>{text}</span>;
}

function pageItem(p: NavPage, t: TFunction): MenuItem {
  return { key: `/console/${p.path}`, label: label(t(p.label), p.label.slice(4)) };
}

export function menuItems(permissions: readonly string[], t: TFunction): MenuItem[] {
  const allowed = (p: NavPage) => permissions.includes(p.permission);
  const items: MenuItem[] = [{ key: '/console', icon: <HomeOutlined />, label: label(t('nav.home'), 'home') }];
  const org = orgPages.filter(allowed);
  if (permissions.includes('org.read') && org.length > 0) {
    items.push({ key: 'org', icon: <ApartmentOutlined />, label: label(t('nav.org'), 'org'), children: org.map((p) => pageItem(p, t)) });
  }
  if (allowed(auditPage)) items.push({ ...pageItem(auditPage, t), icon: <AuditOutlined /> } as MenuItem);
  return items;
}

/** The menu key to highlight for a location (the longest matching page path). */
export function selectedKey(pathname: string): string {
  const pages = [...orgPages, auditPage].map((p) => `/console/${p.path}`);
  return pages.find((k) => pathname === k || pathname.startsWith(`${k}/`)) ?? '/console';
}
