/**
 * Picks a node of the administrative tree (the tree the caller may see). `levels` limits
 * which levels can be chosen (e.g. only communities and grids).
 */
import { useMemo } from 'react';
import type { NodeLevel } from '../../api/types.js';
import { TreePicker, type TreeOption, type TreePickerProps } from '../../common/tree-picker.js';
import { buildTree, useNodeTree, type TreeNode } from './org-queries.js';

function toOptions(nodes: TreeNode[], levels: readonly NodeLevel[] | undefined): TreeOption<number>[] {
  return nodes.map((n) => ({
    value: n.value,
    title: `${n.title}`,
    disabled: levels ? !levels.includes(n.node.level) : false,
    ...(n.children ? { children: toOptions(n.children, levels) } : {}),
  }));
}

export function NodeSelect({ levels, ...props }: TreePickerProps<number> & { levels?: readonly NodeLevel[] }) {
  const { data, isPending } = useNodeTree();
  const options = useMemo(() => toOptions(buildTree(data ?? []), levels), [data, levels]);
  return <TreePicker<number> {...props} options={options} loading={isPending} expandCurrent />;
}
