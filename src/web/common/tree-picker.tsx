/**
 * A searchable TreeSelect over a tree that is loaded whole (the administrative tree, the case
 * catalogue): the value handling and look the tree pickers share. `null` is "none" both ways,
 * so forms and filters can clear it.
 */
import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** What a page passes to a tree picker; the pickers add the options. */
export interface TreePickerProps<V> {
  value?: V | null;
  onChange?: (value: V | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

export interface TreeOption<V> {
  value: V;
  title: string;
  disabled?: boolean;
  children?: TreeOption<V>[];
}

interface Props<V> extends TreePickerProps<V> {
  options: TreeOption<V>[];
  loading: boolean;
  /** Opens the current value's branch (the administrative tree is deep). */
  expandCurrent?: boolean;
  minWidth?: number;
}

export function TreePicker<V extends string | number>({ value, onChange, options, loading, expandCurrent = false, minWidth = 200, placeholder, allowClear = true, disabled, style, ...rest }: Props<V>) {
  const { t } = useTranslation();
  return (
    <TreeSelect<V | null>
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={options}
      loading={loading}
      placeholder={placeholder ?? t('common.select')}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={expandCurrent ? (value ? [value] : []) : undefined}
      popupMatchSelectWidth={false}
      style={{ minWidth, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
