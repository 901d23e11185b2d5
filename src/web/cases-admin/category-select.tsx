/**
 * Picks a category of the catalogue by its path (TreeSelect, searchable by name); only
 * usable categories are offered, but a current value that is no longer usable still shows.
 */
import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from './cases-admin.api.js';
import { buildCategoryTree, type CategoryNode } from './category-tree.js';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

interface Option {
  value: string;
  title: string;
  children?: Option[];
}

function toOptions(nodes: readonly CategoryNode[]): Option[] {
  return nodes.map((n) => ({ value: n.value, title: n.title, ...(n.children ? { children: toOptions(n.children) } : {}) }));
}

export function CategorySelect({ value, onChange, placeholder, allowClear = true, disabled, style, ...rest }: Props) {
  const { t } = useTranslation();
  const { data, isPending } = useCategories();
  const options = useMemo(() => toOptions(buildCategoryTree(data ?? [], { usableOnly: true })), [data]);
  return (
    <TreeSelect<string | null>
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={options}
      loading={isPending}
      placeholder={placeholder ?? t('common.select')}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
