/**
 * Session hooks: who is signed in (`useMe`), sign-in, registration, sign-out and password change.
 * `/api/me` answers 401 when signed out; that is "nobody", not an error.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import { rememberCsrfToken } from '../api/csrf.js';
import { isApiProblem } from '../api/problem.js';
import type { Me, RegisterInput } from '../api/types.js';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await call(api.GET('/api/me'));
    rememberCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiProblem(e) && e.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** After sign-in or registration: the new session's CSRF token, a clean cache, and who is signed in now. */
async function startSession(qc: QueryClient, csrfToken: string): Promise<Me | null> {
  rememberCsrfToken(csrfToken);
  // Everything cached belonged to the previous session (or none).
  qc.removeQueries();
  return qc.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { login: string; password: string }) => startSession(qc, (await call(api.POST('/api/auth/login', { body }))).csrfToken),
  });
}

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: RegisterInput) => startSession(qc, (await call(api.POST('/api/register', { body }))).csrfToken),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await call(api.POST('/api/auth/logout'));
    },
    onSettled: () => {
      rememberCsrfToken(null);
      qc.removeQueries();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      await call(api.POST('/api/me/password', { body }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}

/** Where an account goes after signing in: residents to the mobile pages, staff to the console. */
export function homeOf(me: Me): string {
  return me.kind === 'resident' ? '/m' : '/console';
}
