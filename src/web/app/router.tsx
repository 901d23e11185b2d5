/**
 * Routes. Every page is its own chunk (React.lazy), so the sign-in page does not download
 * the console and the audit page does not download the tree editor.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { FullPageSpin, NotFoundPage } from '../common/page-state.js';
import { apiKeysPage, auditPage, caseDetailPage, casePages, casesAdminPages, orgPages, outboxPage, type NavPage } from '../console/nav.js';
import { HomeRedirect, RequirePermission, RequireSignedIn } from './guards.js';
import { residentRoutes } from '../mobile/resident-routes.js';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('../auth/login-page.js'), 'LoginPage');
const RegisterPage = page(() => import('../auth/register-page.js'), 'RegisterPage');
const ConsoleLayout = page(() => import('../console/console-layout.js'), 'ConsoleLayout');
const ConsoleHome = page(() => import('../console/console-home.js'), 'ConsoleHome');

const consolePages: Record<string, ComponentType> = {
  'org/nodes': page(() => import('../org/nodes/nodes-page.js'), 'NodesPage'),
  'org/organizations': page(() => import('../org/organizations/organizations-page.js'), 'OrganizationsPage'),
  'org/people': page(() => import('../org/people/people-page.js'), 'PeoplePage'),
  'org/posts': page(() => import('../org/posts/posts-page.js'), 'PostsPage'),
  'org/roles': page(() => import('../org/roles/roles-page.js'), 'RolesPage'),
  'org/responsibilities': page(() => import('../org/responsibilities/responsibilities-page.js'), 'ResponsibilitiesPage'),
  'org/accounts': page(() => import('../org/accounts/accounts-page.js'), 'AccountsPage'),
  audit: page(() => import('../audit/audit-page.js'), 'AuditPage'),
  outbox: page(() => import('../notify/outbox-page.js'), 'OutboxPage'),
  apikeys: page(() => import('../apikeys/apikeys-page.js'), 'ApiKeysPage'),
  cases: page(() => import('../cases/cases-page.js'), 'CasesPage'),
  'cases/intake': page(() => import('../cases/hotline-intake-page.js'), 'HotlineIntakePage'),
  'cases/:id': page(() => import('../cases/case-detail-page.js'), 'CaseDetailPage'),
  'cases-admin/categories': page(() => import('../cases-admin/categories-page.js'), 'CategoriesPage'),
  'cases-admin/calendar': page(() => import('../cases-admin/calendar-page.js'), 'CalendarPage'),
  'cases-admin/deadlines': page(() => import('../cases-admin/deadline-rules-page.js'), 'DeadlineRulesPage'),
  'cases-admin/templates': page(() => import('../cases-admin/templates-page.js'), 'TemplatesPage'),
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
        children: [{ index: true, element: <ConsoleHome /> }, ...[...orgPages, ...casePages, caseDetailPage, ...casesAdminPages, auditPage, outboxPage, apiKeysPage].map(guarded)],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
