/**
 * The resident pages' routes, for app/router.tsx: /m/* for signed-in residents (the public
 * list and the 监督举报 pages are open to everyone; supporting a case needs an account) and
 * /track for anyone.
 * Every page is its own chunk; the layout holds the Suspense, so the tab bar stays put
 * while a page loads.
 */
import type { RouteObject } from 'react-router';
import { RequireSignedIn } from '../app/guards.js';
import { lazyPage } from '../common/lazy-page.js';

const MobileLayout = lazyPage(() => import('./mobile-layout.js'), 'MobileLayout');
const MobileHome = lazyPage(() => import('./mobile-home.js'), 'MobileHome');
const NewCasePage = lazyPage(() => import('./new-case-page.js'), 'NewCasePage');
const MyCasesPage = lazyPage(() => import('./my-cases-page.js'), 'MyCasesPage');
const CasePage = lazyPage(() => import('./case-page.js'), 'CasePage');
const PublicCasesPage = lazyPage(() => import('./public-cases-page.js'), 'PublicCasesPage');
const TrackPage = lazyPage(() => import('./track-page.js'), 'TrackPage');
const SupervisionReportPage = lazyPage(() => import('../supervision/report-page.js'), 'SupervisionReportPage');
const SupervisionFollowUpPage = lazyPage(() => import('../supervision/follow-up-page.js'), 'SupervisionFollowUpPage');
const MyPetitionsPage = lazyPage(() => import('../petitions/my-petitions-page.js'), 'MyPetitionsPage');
const NewPetitionPage = lazyPage(() => import('../petitions/new-petition-page.js'), 'NewPetitionPage');
const MyPetitionPage = lazyPage(() => import('../petitions/my-petition-page.js'), 'MyPetitionPage');

export const residentRoutes: RouteObject[] = [
  {
    path: '/m',
    element: <MobileLayout />,
    children: [
      { index: true, element: <RequireSignedIn><MobileHome /></RequireSignedIn> },
      { path: 'new', element: <RequireSignedIn><NewCasePage /></RequireSignedIn> },
      { path: 'cases', element: <RequireSignedIn><MyCasesPage /></RequireSignedIn> },
      { path: 'cases/:id', element: <RequireSignedIn><CasePage /></RequireSignedIn> },
      { path: 'public', element: <PublicCasesPage /> },
      // 信访: a petitioner's own petitions (网上信访 needs an account: the answer is theirs to read).
      { path: 'petitions', element: <RequireSignedIn><MyPetitionsPage /></RequireSignedIn> },
      { path: 'petitions/new', element: <RequireSignedIn><NewPetitionPage /></RequireSignedIn> },
      { path: 'petitions/:id', element: <RequireSignedIn><MyPetitionPage /></RequireSignedIn> },
      // 监督举报 and 举报查询: open to everyone — a reporter needs no account, and anonymity
      // means the page must work (and is best used) signed out.
      { path: 'supervision/report', element: <SupervisionReportPage /> },
      { path: 'supervision/follow-up', element: <SupervisionFollowUpPage /> },
    ],
  },
  { path: '/track', element: <MobileLayout />, children: [{ index: true, element: <TrackPage /> }] },
];
