/**
 * The console menu, by permission: an item appears only when `/api/me` lists the
 * permission its page needs. The same table gives the routes' permission guards.
 */
import { ApartmentOutlined, AuditOutlined, BarChartOutlined, FileProtectOutlined, CustomerServiceOutlined, FundOutlined, HomeOutlined, KeyOutlined, MailOutlined, SafetyOutlined, SendOutlined, SettingOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

export interface NavPage {
  /** Route under /console. */
  path: string;
  /** Translation key of the label; its last segment is the test id. */
  label: 'nav.nodes' | 'nav.organizations' | 'nav.people' | 'nav.posts' | 'nav.roles' | 'nav.responsibilities' | 'nav.accounts' | 'nav.audit' | CasesAdminLabel | 'notify.nav.outbox' | CaseLabel | InsightLabel | SupervisionLabel | AccountabilityLabel | 'petitions.nav.petitions' | 'apikeys.nav.apikeys' | 'assessment.nav.figures';
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

/** 消息发送记录: the outbox (notifications sent and failed). */
export const outboxPage: NavPage = { path: 'outbox', label: 'notify.nav.outbox', permission: 'outbox.read' };

/** API 密钥: keys of integrating systems (Open311). */
export const apiKeysPage: NavPage = { path: 'apikeys', label: 'apikeys.nav.apikeys', permission: 'apikeys.manage' };

type CasesAdminLabel = 'casesAdmin.nav.categories' | 'casesAdmin.nav.calendar' | 'casesAdmin.nav.deadlines' | 'casesAdmin.nav.templates' | 'casesAdmin.nav.searchTerms';

/**
 * 接诉即办配置: the catalogue, calendar and deadlines (configurators), reply templates (handlers),
 * the search dictionary (everyone who reads cases sees it; configurators change it).
 */
export const casesAdminPages: NavPage[] = [
  { path: 'cases-admin/categories', label: 'casesAdmin.nav.categories', permission: 'cases.configure' },
  { path: 'cases-admin/calendar', label: 'casesAdmin.nav.calendar', permission: 'cases.configure' },
  { path: 'cases-admin/deadlines', label: 'casesAdmin.nav.deadlines', permission: 'cases.configure' },
  { path: 'cases-admin/templates', label: 'casesAdmin.nav.templates', permission: 'cases.templates' },
  { path: 'cases-admin/search-terms', label: 'casesAdmin.nav.searchTerms', permission: 'cases.read' },
];

type CaseLabel = 'cases.nav.cases' | 'cases.nav.search' | 'cases.nav.intake';

/** 接诉即办: the case center (inboxes by role), full-text search and hotline intake. */
export const casePages: NavPage[] = [
  { path: 'cases', label: 'cases.nav.cases', permission: 'cases.read' },
  { path: 'cases/search', label: 'cases.nav.search', permission: 'cases.read' },
  { path: 'cases/intake', label: 'cases.nav.intake', permission: 'cases.intake' },
];

type InsightLabel = 'insight.nav.dashboard' | 'insight.nav.warnings' | 'insight.nav.warningRules' | 'dispatch.nav.dispatchSettings';

/**
 * 主动治理: the hot-issue dashboard, the early warnings and their rules (configurators change the
 * rules), 智能派单设置 (for dispatchers, who may read the settings the server serves them; configurators
 * change them).
 */
export const insightPages: NavPage[] = [
  { path: 'insight', label: 'insight.nav.dashboard', permission: 'cases.read' },
  { path: 'insight/warnings', label: 'insight.nav.warnings', permission: 'cases.read' },
  { path: 'insight/warning-rules', label: 'insight.nav.warningRules', permission: 'cases.read' },
  { path: 'dispatch/settings', label: 'dispatch.nav.dispatchSettings', permission: 'cases.dispatch' },
];

type SupervisionLabel = 'supervision.nav.reports' | 'supervision.nav.identityRequests';

/**
 * 监督举报: the reports sealed to an inspector (discipline inspectors), and the identity
 * requests custodians decide. A system administrator has neither permission, by design.
 */
export const supervisionPages: NavPage[] = [
  { path: 'supervision/reports', label: 'supervision.nav.reports', permission: 'supervision.read' },
  { path: 'supervision/identity-requests', label: 'supervision.nav.identityRequests', permission: 'supervision.custody' },
];

/** A report's page (not in the menu; 举报件 stays highlighted). */
export const supervisionReportPage: NavPage = { path: 'supervision/reports/:id', label: 'supervision.nav.reports', permission: 'supervision.read' };

type AccountabilityLabel = 'accountability.nav.records' | 'accountability.nav.reviewItems' | 'accountability.nav.settings';

/** 问责管理: records of the four forms and 通报批评, review items opened by figures, their thresholds. */
export const accountabilityPages: NavPage[] = [
  { path: 'accountability/records', label: 'accountability.nav.records', permission: 'accountability.read' },
  { path: 'accountability/review-items', label: 'accountability.nav.reviewItems', permission: 'accountability.read' },
  { path: 'accountability/settings', label: 'accountability.nav.settings', permission: 'accountability.write' },
];

/** A record's and a review item's pages (not in the menu; their list stays highlighted). */
export const accountabilityDetailPages: NavPage[] = [
  { path: 'accountability/records/:id', label: 'accountability.nav.records', permission: 'accountability.read' },
  { path: 'accountability/review-items/:id', label: 'accountability.nav.reviewItems', permission: 'accountability.read' },
];

/** 党建考核: the indicators of an area and period (assessors, administrators). */
export const assessmentPages: NavPage[] = [{ path: 'assessment', label: 'assessment.nav.figures', permission: 'assessment.read' }];

/** A case's page (not in the menu; 工单中心 stays highlighted). */
export const caseDetailPage: NavPage = { path: 'cases/:id', label: 'cases.nav.cases', permission: 'cases.read' };

/** 信访件: the petitions of the caller's subtree (registrars, handling bodies, readers). */
export const petitionsPage: NavPage = { path: 'petitions', label: 'petitions.nav.petitions', permission: 'petitions.read' };

/** A petition's page (not in the menu; 信访件 stays highlighted). */
export const petitionDetailPage: NavPage = { path: 'petitions/:id', label: 'petitions.nav.petitions', permission: 'petitions.read' };

type MenuItem = Required<MenuProps>['items'][number];

function label(text: string, id: string): ReactNode {
  return <span data-testid={`nav-${id}`}>{text}</span>;
}

function pageItem(p: NavPage, t: TFunction): MenuItem {
  return { key: `/console/${p.path}`, label: label(t(p.label), p.label.slice(p.label.lastIndexOf('.') + 1)) };
}

export function menuItems(permissions: readonly string[], t: TFunction): MenuItem[] {
  const allowed = (p: NavPage) => permissions.includes(p.permission);
  const items: MenuItem[] = [{ key: '/console', icon: <HomeOutlined />, label: label(t('nav.home'), 'home') }];
  const cases = casePages.filter(allowed);
  if (cases.length > 0) {
    items.push({ key: 'cases', icon: <CustomerServiceOutlined />, label: label(t('cases.nav.group'), 'case-pages'), children: cases.map((p) => pageItem(p, t)) });
  }
  if (allowed(petitionsPage)) items.push({ ...pageItem(petitionsPage, t), icon: <MailOutlined /> } as MenuItem);
  const insight = insightPages.filter(allowed);
  if (insight.length > 0) {
    items.push({ key: 'insight', icon: <FundOutlined />, label: label(t('insight.nav.group'), 'insight'), children: insight.map((p) => pageItem(p, t)) });
  }
  const supervision = supervisionPages.filter(allowed);
  if (supervision.length > 0) {
    items.push({ key: 'supervision', icon: <SafetyOutlined />, label: label(t('supervision.nav.group'), 'supervision'), children: supervision.map((p) => pageItem(p, t)) });
  }
  const accountability = accountabilityPages.filter(allowed);
  if (accountability.length > 0) {
    items.push({ key: 'accountability', icon: <FileProtectOutlined />, label: label(t('accountability.nav.group'), 'accountability'), children: accountability.map((p) => pageItem(p, t)) });
  }
  const assessment = assessmentPages.filter(allowed);
  if (assessment.length > 0) {
    items.push({ key: 'assessment', icon: <BarChartOutlined />, label: label(t('assessment.nav.group'), 'assessment'), children: assessment.map((p) => pageItem(p, t)) });
  }
  const org = orgPages.filter(allowed);
  if (permissions.includes('org.read') && org.length > 0) {
    items.push({ key: 'org', icon: <ApartmentOutlined />, label: label(t('nav.org'), 'org'), children: org.map((p) => pageItem(p, t)) });
  }
  const casesAdmin = casesAdminPages.filter(allowed);
  if (casesAdmin.length > 0) {
    items.push({ key: 'cases-admin', icon: <SettingOutlined />, label: label(t('casesAdmin.nav.group'), 'cases-admin'), children: casesAdmin.map((p) => pageItem(p, t)) });
  }
  if (allowed(auditPage)) items.push({ ...pageItem(auditPage, t), icon: <AuditOutlined /> } as MenuItem);
  if (allowed(outboxPage)) items.push({ ...pageItem(outboxPage, t), icon: <SendOutlined /> } as MenuItem);
  if (allowed(apiKeysPage)) items.push({ ...pageItem(apiKeysPage, t), icon: <KeyOutlined /> } as MenuItem);
  return items;
}

/** The menu key to highlight for a location (the longest matching page path). */
export function selectedKey(pathname: string): string {
  const pages = [...orgPages, ...casePages, petitionsPage, ...insightPages, ...supervisionPages, ...accountabilityPages, ...assessmentPages, ...casesAdminPages, auditPage, outboxPage, apiKeysPage].map((p) => `/console/${p.path}`).sort((a, b) => b.length - a.length);
  return pages.find((k) => pathname === k || pathname.startsWith(`${k}/`)) ?? '/console';
}
