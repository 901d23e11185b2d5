/**
 * Picks a category of the catalogue by its path (searchable by name); only usable categories
 * are offered, but a current value that is no longer usable still shows.
 */
import { useMemo } from 'react';
import { TreePicker, type TreeOption, type TreePickerProps } from '../common/tree-picker.js';
import { useCategories } from './cases-admin.api.js';
import { buildCategoryTree, type CategoryNode } from './category-tree.js';

function toOptions(nodes: readonly CategoryNode[]): TreeOption<string>[] {
  return nodes.map((n) => ({ value: n.value, title: n.title, ...(n.children ? { children: toOptions(n.children) } : {}) }));
}

export function CategorySelect(props: TreePickerProps<string>) {
  const { data, isPending } = useCategories();
  const options = useMemo(() => toOptions(buildCategoryTree(data ?? [], { usableOnly: true })), [data]);
  return <TreePicker<string> {...props} options={options} loading={isPending} minWidth={220} />;
}
