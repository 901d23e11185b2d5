import { api, call } from '../../api/client.js';
import type { NodeInput, NodePatch } from '../../api/types.js';
import { useOrgMutation } from '../shared/org-queries.js';

export function useNodeMutations() {
  return {
    create: useOrgMutation((body: NodeInput) => call(api.POST('/api/org/nodes', { body }))),
    update: useOrgMutation(({ id, body }: { id: number; body: NodePatch }) => call(api.PATCH('/api/org/nodes/{id}', { params: { path: { id } }, body }))),
    remove: useOrgMutation((id: number) => call(api.DELETE('/api/org/nodes/{id}', { params: { path: { id } } }))),
  };
}
