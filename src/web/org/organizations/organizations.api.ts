import { api, call } from '../../api/client.js';
import type { OrganizationInput, OrganizationPatch, OrganizationQuery } from '../../api/types.js';
import { useOrgList, useOrgMutation } from '../shared/org-queries.js';

export function useOrganizations(query: OrganizationQuery) {
  return useOrgList('organizations', query, (q) => call(api.GET('/api/org/organizations', { params: { query: q } })));
}

export function useOrganizationMutations() {
  return {
    create: useOrgMutation((body: OrganizationInput) => call(api.POST('/api/org/organizations', { body }))),
    update: useOrgMutation(({ id, body }: { id: number; body: OrganizationPatch }) => call(api.PATCH('/api/org/organizations/{id}', { params: { path: { id } }, body }))),
    remove: useOrgMutation((id: number) => call(api.DELETE('/api/org/organizations/{id}', { params: { path: { id } } }))),
  };
}
