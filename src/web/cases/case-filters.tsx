/** Filters of the case list: state, category, area, submission days, and a lookup box (number, phone or words). */
import { DatePicker, Flex, Input, Select } from 'antd';
// antd's own date library (the pickers take and give its values); only to show the filter's days.
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeSelect } from '../org/shared/node-select.js';
import { caseStates } from './case-labels.js';
import { CategorySelect } from './case-selects.js';
import type { CaseFilters, CaseState } from './cases.api.js';

export function CaseFiltersBar({ value, onChange }: { value: CaseFilters; onChange: (f: CaseFilters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q ?? '');
  // The box follows the filters when they change from outside (the address, the back button).
  const [shownQ, setShownQ] = useState(value.q);
  if (shownQ !== value.q) {
    setShownQ(value.q);
    setQ(value.q ?? '');
  }
  const set = (patch: Partial<CaseFilters>) => {
    const next: CaseFilters = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof CaseFilters)[]) if (next[k] === undefined || next[k] === null || next[k] === '') delete next[k];
    onChange(next);
  };
  return (
    <Flex wrap gap={8} className="gz-filters" data-testid="case-filters">
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('cases.list.lookup')}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        style={{ width: 240 }}
        data-testid="case-lookup"
      />
      <Select<CaseState | null>
        value={value.state ?? null}
        onChange={(v) => set({ state: v ?? undefined })}
        allowClear
        placeholder={t('cases.fields.state')}
        style={{ width: 130 }}
        options={caseStates.map((s) => ({ value: s, label: t(`cases.states.${s}`) }))}
        data-testid="case-filter-state"
      />
      <CategorySelect value={value.categoryId ?? null} onChange={(v) => set({ categoryId: v ?? undefined })} data-testid="case-filter-category" />
      <NodeSelect value={value.nodeId ?? null} onChange={(v) => set({ nodeId: v ?? undefined })} placeholder={t('cases.fields.area')} data-testid="case-filter-area" />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null}
        onChange={(_, days) => set({ from: days[0] || undefined, to: days[1] || undefined })}
        placeholder={[t('cases.fields.submitted'), t('cases.fields.submitted')]}
        data-testid="case-filter-days"
      />
    </Flex>
  );
}
