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

/** A search on the server: the typed text, the cache key's fixed part, and what it finds. */
export interface RemoteSearch {
  /** Cache key of the search (with its fixed filters); the typed text is appended. */
  queryKey: readonly unknown[];
  search: (q: string) => Promise<RemoteOption[]>;
}

interface Props extends RemoteSelectProps, RemoteSearch {}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * The server side of a searching select (single or multiple): what the search found, and
 * the Select props that hand filtering to the server and say whether it is still looking.
 */
export function useRemoteSearch({ queryKey, search }: RemoteSearch, enabled = true) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const { data, isFetching } = useQuery({ queryKey: [...queryKey, q], queryFn: () => search(q), staleTime: 30_000, enabled });
  return {
    found: data,
    selectProps: {
      showSearch: { filterOption: false, onSearch: setText },
      loading: isFetching,
      notFoundContent: isFetching ? t('common.loading') : t('common.empty'),
    },
  };
}

export function RemoteSelect({ value, onChange, currentLabel, placeholder, allowClear = true, disabled, style, queryKey, search, ...rest }: Props) {
  const { t } = useTranslation();
  const { found, selectProps } = useRemoteSearch({ queryKey, search }, !disabled);
  const options = useMemo(() => {
    const list = found ?? [];
    const hasCurrent = value == null || list.some((o) => o.value === value);
    return hasCurrent ? list : [{ value, label: currentLabel ?? `#${value}` }, ...list];
  }, [found, value, currentLabel]);
  return (
    <Select<number | null>
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null, options.find((o) => o.value === v)?.label)}
      options={options}
      {...selectProps}
      placeholder={placeholder ?? t('common.select')}
      allowClear={allowClear}
      disabled={disabled}
      style={{ minWidth: 200, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
