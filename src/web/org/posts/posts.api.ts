import { api, call } from '../../api/client.js';
import type { PostInput, PostPatch } from '../../api/types.js';
import { useOrgList, useOrgMutation } from '../shared/org-queries.js';

export function usePosts(query: { orgId?: number; limit: number; offset: number }) {
  return useOrgList('posts', query, (q) => call(api.GET('/api/org/posts', { params: { query: q } })));
}

export function usePostMutations() {
  return {
    create: useOrgMutation((body: PostInput) => call(api.POST('/api/org/posts', { body }))),
    update: useOrgMutation(({ id, body }: { id: number; body: PostPatch }) => call(api.PATCH('/api/org/posts/{id}', { params: { path: { id } }, body }))),
    remove: useOrgMutation((id: number) => call(api.DELETE('/api/org/posts/{id}', { params: { path: { id } } }))),
  };
}
