/**
 * The resident pages' routes, for app/router.tsx: /m/* for signed-in residents (the public
 * list is open to everyone; supporting a case needs an account) and /track for anyone.
 * Every page is its own chunk; the layout holds the Suspense, so the tab bar stays put
 * while a page loads.
 */
import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireSignedIn } from '../app/guards.js';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const MobileLayout = page(() => import('./mobile-layout.js'), 'MobileLayout');
const MobileHome = page(() => import('./mobile-home.js'), 'MobileHome');
const NewCasePage = page(() => import('./new-case-page.js'), 'NewCasePage');
const MyCasesPage = page(() => import('./my-cases-page.js'), 'MyCasesPage');
const CasePage = page(() => import('./case-page.js'), 'CasePage');
const PublicCasesPage = page(() => import('./public-cases-page.js'), 'PublicCasesPage');
const TrackPage = page(() => import('./track-page.js'), 'TrackPage');

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
    ],
  },
  { path: '/track', element: <MobileLayout />, children: [{ index: true, element: <TrackPage /> }] },
];
