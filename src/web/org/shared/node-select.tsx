/**
 * Picks a node of the administrative tree (TreeSelect over the tree the caller may see).
 * `levels` limits which levels can be chosen (e.g. only communities and grids).
 */
import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeLevel } from '../../api/types.js';
import { buildTree, useNodeTree, type TreeNode } from './org-queries.js';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  levels?: readonly NodeLevel[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

interface Option {
  value: number;
  title: string;
  disabled: boolean;
  children?: Option[];
}

function toOptions(nodes: TreeNode[], levels: readonly NodeLevel[] | undefined): Option[] {
  return nodes.map((n) => ({
    value: n.value,
    title: `${n.title}`,
    disabled: levels ? !levels.includes(n.node.level) : false,
    ...(n.children ? { children: toOptions(n.children, levels) } : {}),
  }));
}

export function NodeSelect({ value, onChange, levels, placeholder, allowClear = true, disabled, style, ...rest }: Props) {
  const { t } = useTranslation();
  const { data, isPending } = useNodeTree();
  const options = useMemo(() => toOptions(buildTree(data ?? []), levels), [data, levels]);
  return (
    <TreeSelect<number | null>
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={options}
      loading={isPending}
      placeholder={placeholder ?? t('common.select')}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={value ? [value] : []}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
