import { api, call } from '../../api/client.js';
import type { ResponsibilityInput, ResponsibilityPatch, ResponsibilityQuery } from '../../api/types.js';
import { useOrgList, useOrgMutation } from '../shared/org-queries.js';

export function useResponsibilities(query: ResponsibilityQuery) {
  return useOrgList('responsibilities', query, (q) => call(api.GET('/api/org/responsibilities', { params: { query: q } })));
}

export function useResponsibilityMutations() {
  return {
    create: useOrgMutation((body: ResponsibilityInput) => call(api.POST('/api/org/responsibilities', { body }))),
    update: useOrgMutation(({ id, body }: { id: number; body: ResponsibilityPatch }) => call(api.PATCH('/api/org/responsibilities/{id}', { params: { path: { id } }, body }))),
    remove: useOrgMutation((id: number) => call(api.DELETE('/api/org/responsibilities/{id}', { params: { path: { id } } }))),
  };
}
