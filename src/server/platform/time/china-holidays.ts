/**
 * Chinese public holidays and 调休 make-up working days, loaded into the editable
 * calendar on first start. Administrators correct and extend them in the console.
 *
 * 2026: the State Council's notice 国办发明电〔2025〕7号 (holidays and moved working days).
 * 2027: the statutory holidays only (全国年节及纪念日放假办法, 2024 revision), dated by the
 *       lunar calendar; the 2027 调休 arrangement must be entered when it is published,
 *       so these rows are marked provisional.
 */
import type { CalendarDay } from './working-days.js';
import { addDays, type LocalDate } from './zoned.js';

function range(from: LocalDate, to: LocalDate, name: string): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, kind: 'holiday', name });
  return out;
}

const work = (date: LocalDate, name: string): CalendarDay => ({ date, kind: 'workday', name });

export const china2026: CalendarDay[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  work('2026-01-04', '元旦调休上班'),
  work('2026-02-14', '春节调休上班'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  work('2026-02-28', '春节调休上班'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  work('2026-05-09', '劳动节调休上班'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  work('2026-09-20', '国庆节调休上班'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  work('2026-10-10', '国庆节调休上班'),
];

const provisional = (days: CalendarDay[]) => days.map((d) => ({ ...d, name: `${d.name}（待国务院通知调整）` }));

export const china2027Provisional: CalendarDay[] = provisional([
  ...range('2027-01-01', '2027-01-01', '元旦'),
  ...range('2027-02-05', '2027-02-08', '春节'),
  ...range('2027-04-05', '2027-04-05', '清明节'),
  ...range('2027-05-01', '2027-05-02', '劳动节'),
  ...range('2027-06-09', '2027-06-09', '端午节'),
  ...range('2027-09-15', '2027-09-15', '中秋节'),
  ...range('2027-10-01', '2027-10-03', '国庆节'),
]);
