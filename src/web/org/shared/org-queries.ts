/**
 * Shared data plumbing of the organization pages: cache keys, the node tree (loaded once,
 * flat, and built into a tree here), and a mutation hook that refreshes what a write can change.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.js';
import type { AdminNode } from '../../api/types.js';

export const orgKey = ['org'] as const;
export const nodeTreeKey = ['org', 'nodes', 'tree'] as const;

export function useNodeTree() {
  return useQuery({ queryKey: nodeTreeKey, queryFn: async () => (await call(api.GET('/api/org/nodes/tree'))).items, staleTime: 60_000 });
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
      await qc.invalidateQueries({ queryKey: orgKey });
      void qc.invalidateQueries({ queryKey: ['audit'] });
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

/** Builds the tree from the flat list; nodes whose parent is not visible become roots (a cadre sees only their subtree). */
export function buildTree(nodes: readonly AdminNode[]): TreeNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<number | null, AdminNode[]>();
  for (const n of nodes) {
    const parent = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  const build = (parent: number | null): TreeNode[] =>
    (children.get(parent) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((n) => {
        const kids = build(n.id);
        return { key: n.id, value: n.id, title: n.name, node: n, ...(kids.length > 0 ? { children: kids } : { isLeaf: true }) };
      });
  return build(null);
}

/** Ids of the ancestors of `id` (nearest last), within the loaded nodes. */
export function ancestorsOf(nodes: readonly AdminNode[], id: number): number[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: number[] = [];
  for (let n = byId.get(id); n && n.parentId !== null; n = byId.get(n.parentId)) out.unshift(n.parentId);
  return out;
}
