/**
 * Cascader options for "where do you live": community → grid, built from the public node
 * list. A community without grids is itself selectable.
 */
import type { PublicNode } from '../api/types.js';

export interface AreaOption {
  value: number;
  label: string;
  children?: AreaOption[];
}

export function areaOptions(nodes: readonly PublicNode[]): AreaOption[] {
  const byParent = new Map<number, PublicNode[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = byParent.get(n.parentId) ?? [];
    list.push(n);
    byParent.set(n.parentId, list);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const communities = nodes.filter((n) => n.level === 'community');
  // Same-named communities under different streets need the street to be told apart.
  const names = new Map<string, number>();
  for (const c of communities) names.set(c.name, (names.get(c.name) ?? 0) + 1);
  return communities.map((c) => {
    const street = c.parentId === null ? undefined : byId.get(c.parentId);
    const label = (names.get(c.name) ?? 0) > 1 && street ? `${c.name}（${street.name}）` : c.name;
    const grids = (byParent.get(c.id) ?? []).filter((g) => g.level === 'grid').map((g) => ({ value: g.id, label: g.name }));
    return grids.length > 0 ? { value: c.id, label, children: grids } : { value: c.id, label };
  });
}
