/**
 * A select that searches the server as the user types (organizations, people, accounts,
 * posts can number in the thousands). The currently chosen option's label comes from the
 * row being edited, so it shows before any search.
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

export interface RemoteOption {
  value: number;
  label: string;
}

export interface RemoteSelectProps {
  value?: number | null;
  /** The chosen id and its label (for pages that show the choice elsewhere). */
  onChange?: (value: number | null, label?: string) => void;
  /** Known label of the current value (e.g. `parentOrgName`). */
  currentLabel?: string | null;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

interface Props extends RemoteSelectProps {
  /** Cache key of the search (with its fixed filters); the typed text is appended. */
  queryKey: readonly unknown[];
  search: (q: string) => Promise<RemoteOption[]>;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function RemoteSelect({ value, onChange, currentLabel, placeholder, allowClear = true, disabled, style, queryKey, search, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const { data, isFetching } = useQuery({ queryKey: [...queryKey, q], queryFn: () => search(q), staleTime: 30_000, enabled: !disabled });
  const options = useMemo(() => {
    const list = data ?? [];
    const hasCurrent = value == null || list.some((o) => o.value === value);
    return hasCurrent ? list : [{ value, label: currentLabel ?? `#${value}` }, ...list];
  }, [data, value, currentLabel]);
  return (
    <Select<number | null>
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null, options.find((o) => o.value === v)?.label)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={isFetching}
      placeholder={placeholder ?? t('common.select')}
      allowClear={allowClear}
      disabled={disabled}
      notFoundContent={isFetching ? t('common.loading') : t('common.empty')}
      style={{ minWidth: 200, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
