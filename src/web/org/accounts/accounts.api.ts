import { api, call } from '../../api/client.js';
import type { AccountInput, AccountPatch } from '../../api/types.js';
import { useOrgList, useOrgMutation } from '../shared/org-queries.js';

export function useAccounts(query: { q?: string; limit: number; offset: number }) {
  return useOrgList('accounts', query, (q) => call(api.GET('/api/org/accounts', { params: { query: q } })));
}

export function useAccountMutations() {
  return {
    create: useOrgMutation((body: AccountInput) => call(api.POST('/api/org/accounts', { body }))),
    update: useOrgMutation(({ id, body }: { id: number; body: AccountPatch }) => call(api.PATCH('/api/org/accounts/{id}', { params: { path: { id } }, body })), { affectsMe: true }),
  };
}
