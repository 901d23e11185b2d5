/** HTTP routes of 党建考核 assessment: the figures of an area and period (the public contract for tools). */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import type { GzApp } from '../../platform/module.js';
import { assessmentScopes } from './assessment-reader.js';
import * as S from './assessment.schema.js';
import { countsOf, monthlyCountsOf } from './figures.js';
import { DEFAULT_BASIC_WEIGHT, figuresOf, indicators } from './indicators.js';

const tags = ['assessment'];
/** The longest period one request may sum: ten years of daily rows. */
const MAX_DAYS = 3660;

/** The area asked for, or the top of the caller's subtrees; outside them reads as absent (404). */
async function areaIn(ex: Executor, id: number | undefined, scopes: readonly string[]): Promise<{ id: number; name: string; path: string }> {
  const [node] = await queryRows<{ id: number; name: string; path: string }>(
    ex,
    id !== undefined
      ? sql`SELECT id, name, path FROM admin_nodes WHERE id = ${id}`
      : sql`SELECT id, name, path FROM admin_nodes WHERE ${sql.join(scopes.map((s) => sql`path LIKE ${`${s}%`}`), sql` OR `)} ORDER BY length(path), path LIMIT 1`,
  );
  if (!node || !scopes.some((s) => node.path.startsWith(s))) throw new NotFound();
  return { id: Number(node.id), name: node.name, path: node.path };
}

function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0) throw new Invalid('assessment_period_invalid', [{ path: 'querystring.to', code: 'assessment_period_invalid' }]);
  if (days >= MAX_DAYS) throw new Invalid('assessment_period_too_long', [{ path: 'querystring.from', code: 'assessment_period_too_long' }], { max: MAX_DAYS });
}

export function assessmentRoutes(app: GzApp): void {
  app.get('/api/assessment/trend', {
    config: { access: 'public' },
    schema: { tags, summary: '考核指标趋势 Every indicator of an area’s subtree per month of a period', querystring: S.FiguresQuery, response: { 200: S.TrendOut } },
    handler: async (request) => {
      const scopes = await assessmentScopes(request);
      const { area: areaId, from, to } = request.query;
      checkPeriod(from, to);
      const area = await areaIn(app.gz.db, areaId, scopes);
      const basicWeight = request.query.basicWeight ?? DEFAULT_BASIC_WEIGHT;
      const months = await monthlyCountsOf(app.gz.db, 'area', area.id, { from, to });
      return { area, from, to, basicWeight, months: months.map((m) => ({ month: m.month, indicators: figuresOf(m.counts, { basicWeight }) })) };
    },
  });
  app.get('/api/assessment/figures', {
    // A session or an API key: assessmentScopes checks either (401/403 otherwise).
    config: { access: 'public' },
    schema: { tags, summary: '考核指标 Every indicator of an area’s subtree over a period, with numerator and denominator', querystring: S.FiguresQuery, response: { 200: S.FiguresOut } },
    handler: async (request) => {
      const scopes = await assessmentScopes(request);
      const { area: areaId, from, to } = request.query;
      checkPeriod(from, to);
      const area = await areaIn(app.gz.db, areaId, scopes);
      const basicWeight = request.query.basicWeight ?? DEFAULT_BASIC_WEIGHT;
      const counts = await countsOf(app.gz.db, 'area', area.id, { from, to });
      const byKey = new Map(indicators.map((i) => [i.key, i]));
      return {
        area,
        from,
        to,
        basicWeight,
        indicators: figuresOf(counts, { basicWeight }).map((f) => ({ ...f, name: byKey.get(f.key)!.name, definition: byKey.get(f.key)!.definition })),
        counts,
      };
    },
  });
}
