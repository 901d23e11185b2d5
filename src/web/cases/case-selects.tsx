/**
 * Selects the case pages share: a category from the catalogue (a searchable tree), several
 * units at once (co-handling units, searched on the server), and an area's name.
 */
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemoteSearch } from '../common/remote-select.js';
import { TreePicker, type TreeOption, type TreePickerProps } from '../common/tree-picker.js';
import { nestByParent } from '../common/tree.js';
import { searchOrganizations } from '../org/shared/entity-selects.js';
import { useNodeNames, usePublicCategories, type PublicCategory } from './cases.api.js';

function categoryTree(items: readonly PublicCategory[]): TreeOption<number>[] {
  return nestByParent<PublicCategory, TreeOption<number>>(items, (c, kids) => ({ value: c.id, title: c.name, ...(kids.length > 0 ? { children: kids } : {}) }));
}

interface CategorySelectProps extends Omit<TreePickerProps<number>, 'allowClear' | 'disabled'> {
  /** Known name of the current value (a case's own category), shown while the catalogue loads or when it is no longer active. */
  currentLabel?: string | null;
}

/** A category of the active catalogue; search matches any level's name. */
export function CategorySelect({ placeholder, currentLabel, ...props }: CategorySelectProps) {
  const { t } = useTranslation();
  const { data, isPending } = usePublicCategories();
  const value = props.value;
  const tree = useMemo(() => {
    const options = categoryTree(data ?? []);
    // Without it the select would show a bare id.
    const missing = value !== null && value !== undefined && currentLabel && !(data ?? []).some((c) => c.id === value);
    return missing ? [{ value, title: currentLabel }, ...options] : options;
  }, [data, value, currentLabel]);
  return <TreePicker<number> {...props} placeholder={placeholder ?? t('cases.fields.category')} options={tree} loading={isPending} />;
}

interface UnitsSelectProps {
  value?: number[];
  onChange?: (value: number[]) => void;
  placeholder?: string;
  'data-testid'?: string;
}

/** Several organizations (协办单位), searched on the server as the user types. */
export function UnitsSelect({ value, onChange, placeholder, ...rest }: UnitsSelectProps) {
  const { t } = useTranslation();
  const [known, setKnown] = useState<Map<number, string>>(new Map());
  const { found, selectProps } = useRemoteSearch({ queryKey: ['org', 'organizations', 'options', 'units'], search: (q) => searchOrganizations(q) });
  const options = useMemo(() => {
    const list = found ?? [];
    const missing = (value ?? []).filter((id) => !list.some((o) => o.value === id)).map((id) => ({ value: id, label: known.get(id) ?? `#${id}` }));
    return [...missing, ...list];
  }, [found, value, known]);
  return (
    <Select<number[]>
      mode="multiple"
      value={value ?? []}
      onChange={(ids) => {
        setKnown((m) => new Map([...m, ...options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label] as const)]));
        onChange?.(ids);
      }}
      options={options}
      {...selectProps}
      placeholder={placeholder ?? t('common.select')}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}

/** "街道 / 社区 / 网格" for a node (from the public tree), or null while unknown. */
export function useAreaName(): (nodeId: number) => string | null {
  const { data } = useNodeNames();
  return (nodeId) => {
    if (!data) return null;
    const names: string[] = [];
    for (let n = data.get(nodeId), guard = 0; n && guard < 8; n = n.parentId === null ? undefined : data.get(n.parentId), guard++) names.unshift(n.name);
    // The district is the same for everybody on one deployment; the last three levels tell cases apart.
    return names.length > 0 ? names.slice(-3).join(' / ') : null;
  };
}
