import { api, call } from '../../api/client.js';
import type { RoleAssignmentInput } from '../../api/types.js';
import { useOrgList, useOrgMutation } from '../shared/org-queries.js';

export function useRoleAssignments(query: { userId?: number; nodeId?: number; limit: number; offset: number }) {
  return useOrgList('roles', query, (q) => call(api.GET('/api/org/roles', { params: { query: q } })));
}

export function useRoleMutations() {
  return {
    grant: useOrgMutation((body: RoleAssignmentInput) => call(api.POST('/api/org/roles', { body })), { affectsMe: true }),
    revoke: useOrgMutation((id: number) => call(api.DELETE('/api/org/roles/{id}', { params: { path: { id } } })), { affectsMe: true }),
  };
}
