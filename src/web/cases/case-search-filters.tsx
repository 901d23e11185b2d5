/**
 * Filters of the 全文检索 page: state, category (with its subtree), area (with its subtree) and
 * the days of submission — the pickers of the case list, held by the address rather than by
 * the page, so each one shows what a shared link or the back button brings.
 */
import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Select } from 'antd';
// antd's own date library (the pickers take and give its values); only to show the address's days.
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { NodeSelect } from '../org/shared/node-select.js';
import { caseStates } from './case-labels.js';
import type { SearchFilters } from './case-search-params.js';
import { CategorySelect } from './case-selects.js';
import type { CaseState } from './cases.api.js';

const orNothing = <T,>(v: T | null | undefined | ''): T | undefined => (v === null || v === '' ? undefined : v);

export function CaseSearchFilters({ value, onChange }: { value: SearchFilters; onChange: (f: SearchFilters) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof SearchFilters)[]) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const any = Object.keys(value).length > 0;
  return (
    <Flex wrap gap={8} className="gz-filters" data-testid="case-search-filters">
      <Select<CaseState | null>
        value={value.state ?? null}
        onChange={(v) => set({ state: orNothing(v) })}
        allowClear
        placeholder={t('cases.fields.state')}
        style={{ width: 130 }}
        options={caseStates.map((s) => ({ value: s, label: t(`cases.states.${s}`) }))}
        data-testid="case-search-state"
      />
      <CategorySelect value={value.categoryId ?? null} onChange={(v) => set({ categoryId: orNothing(v) })} data-testid="case-search-category" />
      <NodeSelect value={value.nodeId ?? null} onChange={(v) => set({ nodeId: orNothing(v) })} placeholder={t('cases.fields.area')} data-testid="case-search-area" />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null}
        onChange={(_, days) => set({ from: orNothing(days[0]), to: orNothing(days[1]) })}
        placeholder={[t('cases.search.from'), t('cases.search.to')]}
        data-testid="case-search-days"
      />
      {any ? (
        <Button icon={<ClearOutlined />} onClick={() => onChange({})} data-testid="case-search-clear-filters">{t('cases.search.clearFilters')}</Button>
      ) : null}
    </Flex>
  );
}
