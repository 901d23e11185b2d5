/**
 * Selects the case pages share: a category from the catalogue (a searchable tree), several
 * units at once (co-handling units, searched on the server), and an area's name.
 */
import { useQuery } from '@tanstack/react-query';
import { Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import { useNodeNames, usePublicCategories, type PublicCategory } from './cases.api.js';

interface CategoryOption {
  value: number;
  title: string;
  path: string;
  children?: CategoryOption[];
}

function categoryTree(items: readonly PublicCategory[]): CategoryOption[] {
  const ids = new Set(items.map((c) => c.id));
  const children = new Map<number | null, PublicCategory[]>();
  for (const c of items) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const build = (parent: number | null): CategoryOption[] =>
    (children.get(parent) ?? []).map((c) => {
      const kids = build(c.id);
      return { value: c.id, title: c.name, path: c.path, ...(kids.length > 0 ? { children: kids } : {}) };
    });
  return build(null);
}

interface CategorySelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** A category of the active catalogue; search matches any level's name. */
export function CategorySelect({ value, onChange, placeholder, style, ...rest }: CategorySelectProps) {
  const { t } = useTranslation();
  const { data, isPending } = usePublicCategories();
  const tree = useMemo(() => categoryTree(data ?? []), [data]);
  return (
    <TreeSelect<number | null>
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={tree}
      loading={isPending}
      allowClear
      placeholder={placeholder ?? t('cases.fields.category')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
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
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [known, setKnown] = useState<Map<number, string>>(new Map());
  const { data, isFetching } = useQuery({
    queryKey: ['org', 'organizations', 'options', 'units', q],
    queryFn: async () => (await call(api.GET('/api/org/organizations', { params: { query: { limit: 20, ...(q ? { q } : {}) } } }))).items.map((o) => ({ value: o.id, label: `${o.name}（${o.nodeName}）` })),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const list = data ?? [];
    const missing = (value ?? []).filter((id) => !list.some((o) => o.value === id)).map((id) => ({ value: id, label: known.get(id) ?? `#${id}` }));
    return [...missing, ...list];
  }, [data, value, known]);
  return (
    <Select<number[]>
      mode="multiple"
      value={value ?? []}
      onChange={(ids) => {
        setKnown((m) => new Map([...m, ...options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label] as const)]));
        onChange?.(ids);
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={isFetching}
      placeholder={placeholder ?? t('common.select')}
      notFoundContent={isFetching ? t('common.loading') : t('common.empty')}
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
