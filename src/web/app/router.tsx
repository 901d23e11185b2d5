/**
 * Routes. Every page is its own chunk (React.lazy), so the sign-in page does not download
 * the console and the audit page does not download the tree editor.
 */
import { Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { lazyPage } from '../common/lazy-page.js';
import { FullPageSpin, NotFoundPage } from '../common/page-state.js';
import { accountabilityDetailPages, accountabilityPages, apiKeysPage, assessmentPages, auditPage, caseDetailPage, casePages, casesAdminPages, insightPages, orgPages, outboxPage, petitionDetailPage, petitionsPage, supervisionPages, supervisionReportPage, type NavPage } from '../console/nav.js';
import { residentRoutes } from '../mobile/resident-routes.js';
import { HomeRedirect, RequirePermission, RequireSignedIn } from './guards.js';

const LoginPage = lazyPage(() => import('../auth/login-page.js'), 'LoginPage');
const RegisterPage = lazyPage(() => import('../auth/register-page.js'), 'RegisterPage');
const ConsoleLayout = lazyPage(() => import('../console/console-layout.js'), 'ConsoleLayout');
const ConsoleHome = lazyPage(() => import('../console/console-home.js'), 'ConsoleHome');
/** 我的问责记录: every staff account's own page (no permission: the server shows a person only their own). */
const MyAccountabilityPage = lazyPage(() => import('../accountability/my-records-page.js'), 'MyAccountabilityPage');

const consolePages: Record<string, ComponentType> = {
  'org/nodes': lazyPage(() => import('../org/nodes/nodes-page.js'), 'NodesPage'),
  'org/organizations': lazyPage(() => import('../org/organizations/organizations-page.js'), 'OrganizationsPage'),
  'org/people': lazyPage(() => import('../org/people/people-page.js'), 'PeoplePage'),
  'org/posts': lazyPage(() => import('../org/posts/posts-page.js'), 'PostsPage'),
  'org/roles': lazyPage(() => import('../org/roles/roles-page.js'), 'RolesPage'),
  'org/responsibilities': lazyPage(() => import('../org/responsibilities/responsibilities-page.js'), 'ResponsibilitiesPage'),
  'org/accounts': lazyPage(() => import('../org/accounts/accounts-page.js'), 'AccountsPage'),
  audit: lazyPage(() => import('../audit/audit-page.js'), 'AuditPage'),
  outbox: lazyPage(() => import('../notify/outbox-page.js'), 'OutboxPage'),
  apikeys: lazyPage(() => import('../apikeys/apikeys-page.js'), 'ApiKeysPage'),
  cases: lazyPage(() => import('../cases/cases-page.js'), 'CasesPage'),
  'cases/intake': lazyPage(() => import('../cases/hotline-intake-page.js'), 'HotlineIntakePage'),
  'cases/search': lazyPage(() => import('../cases/case-search-page.js'), 'CaseSearchPage'),
  'cases/:id': lazyPage(() => import('../cases/case-detail-page.js'), 'CaseDetailPage'),
  insight: lazyPage(() => import('../insight/insight-page.js'), 'InsightPage'),
  'insight/warnings': lazyPage(() => import('../insight/warnings-page.js'), 'WarningsPage'),
  'insight/warning-rules': lazyPage(() => import('../insight/warning-rules-page.js'), 'WarningRulesPage'),
  'dispatch/settings': lazyPage(() => import('../dispatch/dispatch-settings-page.js'), 'DispatchSettingsPage'),
  petitions: lazyPage(() => import('../petitions/petitions-page.js'), 'PetitionsPage'),
  'petitions/:id': lazyPage(() => import('../petitions/petition-detail-page.js'), 'PetitionDetailPage'),
  'supervision/reports': lazyPage(() => import('../supervision/reports-page.js'), 'SupervisionReportsPage'),
  'supervision/reports/:id': lazyPage(() => import('../supervision/report-detail-page.js'), 'SupervisionReportDetailPage'),
  'supervision/identity-requests': lazyPage(() => import('../supervision/identity-requests-page.js'), 'IdentityRequestsPage'),
  'accountability/records': lazyPage(() => import('../accountability/records-page.js'), 'AccountabilityRecordsPage'),
  'accountability/records/:id': lazyPage(() => import('../accountability/record-detail-page.js'), 'AccountabilityRecordDetailPage'),
  'accountability/review-items': lazyPage(() => import('../accountability/review-items-page.js'), 'ReviewItemsPage'),
  'accountability/review-items/:id': lazyPage(() => import('../accountability/review-item-detail-page.js'), 'ReviewItemDetailPage'),
  'accountability/settings': lazyPage(() => import('../accountability/review-settings-page.js'), 'ReviewSettingsPage'),
  assessment: lazyPage(() => import('../assessment/assessment-page.js'), 'AssessmentPage'),
  'cases-admin/categories': lazyPage(() => import('../cases-admin/categories-page.js'), 'CategoriesPage'),
  'cases-admin/calendar': lazyPage(() => import('../cases-admin/calendar-page.js'), 'CalendarPage'),
  'cases-admin/deadlines': lazyPage(() => import('../cases-admin/deadline-rules-page.js'), 'DeadlineRulesPage'),
  'cases-admin/templates': lazyPage(() => import('../cases-admin/templates-page.js'), 'TemplatesPage'),
  'cases-admin/search-terms': lazyPage(() => import('../cases-admin/search-terms-page.js'), 'SearchTermsPage'),
};

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

function guarded(p: NavPage) {
  const Page = consolePages[p.path];
  if (!Page) throw new Error(`no page for ${p.path}`);
  return { path: p.path, element: <RequirePermission permission={p.permission}><Page /></RequirePermission> };
}

export const router = createBrowserRouter([
  {
    element: <Lazy><Outlet /></Lazy>,
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      ...residentRoutes,
      {
        path: '/console',
        element: <RequireSignedIn staff><ConsoleLayout /></RequireSignedIn>,
        children: [{ index: true, element: <ConsoleHome /> }, ...[...orgPages, ...casePages, caseDetailPage, petitionsPage, petitionDetailPage, ...insightPages, ...supervisionPages, supervisionReportPage, ...accountabilityPages, ...accountabilityDetailPages, ...assessmentPages, ...casesAdminPages, auditPage, outboxPage, apiKeysPage].map(guarded), { path: 'me/accountability', element: <MyAccountabilityPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
