/**
 * Shared data plumbing of the organization pages: cache keys, the node tree (loaded once,
 * flat, and built into a tree here), and a mutation hook that refreshes what a write can change.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.js';
import type { AdminNode } from '../../api/types.js';
import { refreshAfterWrite } from '../../common/refresh-after-write.js';
import { nestByParent } from '../../common/tree.js';

export const orgKey = ['org'] as const;
export const nodeTreeKey = ['org', 'nodes', 'tree'] as const;

export function useNodeTree() {
  return useQuery({ queryKey: nodeTreeKey, queryFn: async () => (await call(api.GET('/api/org/nodes/tree'))).items, staleTime: 60_000 });
}

/**
 * A page of one of the organization lists. Its key starts with `orgKey`, so every org write
 * refreshes it; the previous page stays on screen while the next one loads.
 */
export function useOrgList<Q, R>(entity: string, query: Q, fetch: (query: Q) => Promise<R>) {
  return useQuery({ queryKey: [...orgKey, entity, 'list', query], queryFn: () => fetch(query), placeholderData: keepPreviousData });
}

/**
 * A write in the organization model: afterwards every org list is stale (names show up in
 * other entities' rows), as are the audit log and — for role changes — the caller's own grants.
 */
export function useOrgMutation<V, R>(mutationFn: (vars: V) => Promise<R>, opts: { affectsMe?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await refreshAfterWrite(qc, orgKey);
      if (opts.affectsMe) void qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export interface TreeNode {
  key: number;
  value: number;
  title: string;
  node: AdminNode;
  children?: TreeNode[];
  isLeaf?: boolean;
}

/** Builds the tree from the flat list, siblings by code; nodes whose parent is not visible become roots (a cadre sees only their subtree). */
export function buildTree(nodes: readonly AdminNode[]): TreeNode[] {
  return nestByParent<AdminNode, TreeNode>(
    nodes,
    (n, kids) => ({ key: n.id, value: n.id, title: n.name, node: n, ...(kids.length > 0 ? { children: kids } : { isLeaf: true }) }),
    (a, b) => a.code.localeCompare(b.code),
  );
}

/** Ids of the ancestors of `id` (nearest last), within the loaded nodes. */
export function ancestorsOf(nodes: readonly AdminNode[], id: number): number[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: number[] = [];
  for (let n = byId.get(id); n && n.parentId !== null; n = byId.get(n.parentId)) out.unshift(n.parentId);
  return out;
}
