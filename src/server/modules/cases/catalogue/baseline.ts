/**
 * Reference data every deployment needs, loaded at every start (and into the tests'
 * template database): the category catalogue — the national 3-level taxonomy shipped in
 * assets/data/taxonomy.jsonl.gz and the urban-management event classes — and the Chinese
 * holiday calendar. Idempotent: it inserts only what is missing, in a few statements.
 *
 * Deliberately not audited: it is install-time data, not an administrator's act, and it
 * runs at every start. Administrators' edits go through the audited commands.
 *
 * Edits survive restarts: system categories cannot be renamed or deleted (only
 * deactivated), so a missing path really is missing; and a calendar year is loaded only
 * while the calendar has no day of that year, so a deleted holiday does not come back.
 */
import type { CommandContext } from '../../../platform/context.js';
import { readShippedJsonl } from '../../../platform/data/shipped.js';
import { china2026, china2027Provisional } from '../../../platform/time/china-holidays.js';
import type { CalendarDay } from '../../../platform/time/working-days.js';
import { markCalendarChanged } from './catalogue.queries.js';
import { calendarDaysBetween, categoryIdsByPath, insertCategories, insertMissingCalendarDays, type NewCategory } from './catalogue.repo.js';
import { urbanEventClasses } from './urban-classes.js';

interface TaxonomyLine {
  level1: string;
  level2: string;
  level3: string;
}

type BaselineCategory = Omit<NewCategory, 'parentId'> & { parentPath: string | null };

/** The baseline catalogue, parents before children, siblings numbered in file order. */
export function baselineCategories(): BaselineCategory[] {
  const out: BaselineCategory[] = [];
  const seen = new Set<string>();
  const siblings = new Map<string, number>();
  const add = (names: string[], system: 'taxonomy' | 'urban') => {
    for (let level = 1; level <= names.length; level++) {
      const path = names.slice(0, level).join('/');
      if (seen.has(path)) continue;
      seen.add(path);
      const parentPath = level === 1 ? null : names.slice(0, level - 1).join('/');
      const sortOrder = siblings.get(parentPath ?? '') ?? 0;
      siblings.set(parentPath ?? '', sortOrder + 1);
      out.push({ parentPath, level, name: names[level - 1]!, path, system, sortOrder });
    }
  };
  for (const l of readShippedJsonl<TaxonomyLine>('taxonomy')) add([l.level1, l.level2, l.level3].map((n) => n.trim().replaceAll('/', '／')), 'taxonomy');
  for (const c of urbanEventClasses) for (const sub of c.subclasses) add([c.name, sub], 'urban');
  return out;
}

/** The holiday calendars shipped with the code, by year. */
const shippedYears: ReadonlyArray<{ year: number; days: readonly CalendarDay[] }> = [
  { year: 2026, days: china2026 },
  { year: 2027, days: china2027Provisional },
];

async function seedCategories(ctx: CommandContext): Promise<void> {
  const wanted = baselineCategories();
  let ids = await categoryIdsByPath(ctx.tx);
  if (wanted.every((c) => ids.has(c.path))) return;
  for (const level of [1, 2, 3]) {
    const missing = wanted.filter((c) => c.level === level && !ids.has(c.path));
    if (missing.length === 0) continue;
    const rows = missing.map(({ parentPath, ...c }) => ({ ...c, parentId: parentPath === null ? null : (ids.get(parentPath) ?? null) }));
    const inserted = await insertCategories(ctx.tx, rows, ctx.now);
    for (const r of inserted) ids.set(r.path, r.id);
    // Another server inserted some meanwhile: read their ids for the next level.
    if (inserted.length < rows.length) ids = await categoryIdsByPath(ctx.tx);
  }
}

async function seedCalendar(ctx: CommandContext): Promise<void> {
  let added = 0;
  for (const { year, days } of shippedYears) {
    if ((await calendarDaysBetween(ctx.tx, `${year}-01-01`, `${year}-12-31`)).length > 0) continue;
    added += await insertMissingCalendarDays(ctx.tx, days.map((d) => ({ day: d.date, kind: d.kind, name: d.name })), ctx.now);
  }
  if (added > 0) markCalendarChanged(ctx.tx);
}

/** Loads the catalogue and the calendar where they are missing (the cases manifest's `seedBaseline`). */
export async function seedCasesBaseline(ctx: CommandContext): Promise<void> {
  await seedCategories(ctx);
  await seedCalendar(ctx);
}
