/**
 * Nests a flat, parent-linked list (the administrative tree, the case catalogue) for antd's
 * trees and cascaders. An item whose parent is not in the list becomes a root: a cadre is
 * sent only their own subtree, and a filtered catalogue leaves gaps.
 */
export interface ParentLinked {
  id: number;
  parentId: number | null;
}

/** `node` makes one tree node from an item and its already built children; `order` sorts siblings (else list order). */
export function nestByParent<T extends ParentLinked, N>(items: readonly T[], node: (item: T, children: N[]) => N, order?: (a: T, b: T) => number): N[] {
  const ids = new Set(items.map((i) => i.id));
  const byParent = new Map<number | null, T[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(item);
    else byParent.set(parent, [item]);
  }
  const build = (parent: number | null): N[] => {
    const siblings = byParent.get(parent) ?? [];
    return (order ? [...siblings].sort(order) : siblings).map((item) => node(item, build(item.id)));
  };
  return build(null);
}
