import { api, call } from '../../api/client.js';
import type { PeopleQuery, PersonInput, PersonPatch } from '../../api/types.js';
import { useOrgList, useOrgMutation } from '../shared/org-queries.js';

export function usePeople(query: PeopleQuery) {
  return useOrgList('people', query, (q) => call(api.GET('/api/org/people', { params: { query: q } })));
}

export function usePersonMutations() {
  return {
    create: useOrgMutation((body: PersonInput) => call(api.POST('/api/org/people', { body }))),
    update: useOrgMutation(({ id, body }: { id: number; body: PersonPatch }) => call(api.PATCH('/api/org/people/{id}', { params: { path: { id } }, body }))),
    remove: useOrgMutation((id: number) => call(api.DELETE('/api/org/people/{id}', { params: { path: { id } } }))),
  };
}
