/**
 * The flat catalogue as a tree for antd's Tree and TreeSelect (siblings keep the server's
 * sort order), and a search that keeps matches with their ancestors.
 */
import { nestByParent } from '../common/tree.js';
import type { Category } from './cases-admin.api.js';

export interface CategoryNode {
  key: number;
  value: string;
  title: string;
  category: Category;
  children?: CategoryNode[];
  isLeaf?: boolean;
}

export function buildCategoryTree(items: readonly Category[], opts: { usableOnly?: boolean } = {}): CategoryNode[] {
  return nestByParent<Category, CategoryNode>(
    opts.usableOnly ? items.filter((c) => c.usable) : items,
    (c, kids) => ({ key: c.id, value: c.path, title: c.name, category: c, ...(kids.length > 0 ? { children: kids } : { isLeaf: true }) }),
    (a, b) => a.sortOrder - b.sortOrder || a.id - b.id,
  );
}

export function filterCategoryTree(nodes: readonly CategoryNode[], q: string): CategoryNode[] {
  const out: CategoryNode[] = [];
  for (const n of nodes) {
    const kids = n.children ? filterCategoryTree(n.children, q) : [];
    if (n.title.includes(q) || kids.length > 0) out.push({ ...n, ...(kids.length > 0 ? { children: kids } : {}) });
  }
  return out;
}

export function allCategoryKeys(nodes: readonly CategoryNode[]): number[] {
  return nodes.flatMap((n) => [n.key, ...(n.children ? allCategoryKeys(n.children) : [])]);
}
