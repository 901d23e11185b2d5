/**
 * Route guards. The server enforces every rule; these only keep people off pages that
 * would show nothing but errors, and route each kind of account to its home.
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { hasPermission, homeOf, useMe } from '../auth/auth.api.js';
import { ChangePasswordModal } from '../auth/change-password-modal.js';
import { MeContext } from '../auth/me-context.js';
import { ForbiddenResult, FullPageSpin } from '../common/page-state.js';
import { ProblemAlert } from '../common/problem-alert.js';

/** Renders children for a signed-in account (staff only when `staff`), else redirects. */
export function RequireSignedIn({ children, staff = false }: { children: ReactNode; staff?: boolean }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <div className="gz-center"><ProblemAlert error={error} onRetry={() => void refetch()} /></div>;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (staff && me.kind !== 'staff') return <Navigate to={homeOf(me)} replace />;
  return (
    <MeContext.Provider value={me}>
      {children}
      {/* An initial password set by an administrator must be replaced before anything else. */}
      {me.mustChangePassword ? <ChangePasswordModal open forced onClose={() => undefined} /> : null}
    </MeContext.Provider>
  );
}

/** Shows a 403 page instead of children when the account lacks `permission`. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { data: me } = useMe();
  return hasPermission(me, permission) ? <>{children}</> : <ForbiddenResult />;
}

/** `/`: the account's home, or the sign-in page. */
export function HomeRedirect() {
  const { data: me, isPending } = useMe();
  if (isPending) return <FullPageSpin />;
  return <Navigate to={me ? homeOf(me) : '/login'} replace />;
}
