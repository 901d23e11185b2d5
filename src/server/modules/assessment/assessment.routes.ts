/** HTTP routes of 党建考核 assessment: the figures of an area, a unit or a person over a period (the public contract for tools). */
import type { FastifyRequest } from 'fastify';
import { Invalid } from '../../platform/http/errors.js';
import type { GzApp } from '../../platform/module.js';
import { assessmentScopes } from './assessment-reader.js';
import { subjectOf } from './assessment-subject.js';
import * as S from './assessment.schema.js';
import { countsOf, monthlyCountsOf } from './figures.js';
import { DEFAULT_BASIC_WEIGHT, figuresOf, indicators } from './indicators.js';

const tags = ['assessment'];
/** The longest period one request may sum: ten years of daily rows. */
const MAX_DAYS = 3660;

function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0) throw new Invalid('assessment_period_invalid', [{ path: 'querystring.to', code: 'assessment_period_invalid' }]);
  if (days >= MAX_DAYS) throw new Invalid('assessment_period_too_long', [{ path: 'querystring.from', code: 'assessment_period_too_long' }], { max: MAX_DAYS });
}

/**
 * What both routes ask first: may the caller read figures, is the period sound, whose figures;
 * and the head of the answer (subject, its area, period, weight).
 */
async function askedFor(request: FastifyRequest, query: S.FiguresQuery) {
  const scopes = await assessmentScopes(request);
  const { from, to } = query;
  checkPeriod(from, to);
  const subject = await subjectOf(request.server.gz.db, query, scopes);
  const basicWeight = query.basicWeight ?? DEFAULT_BASIC_WEIGHT;
  const head = { subject: { kind: subject.kind, id: subject.id, name: subject.name }, area: subject.area, from, to, basicWeight };
  return { subject, head, basicWeight };
}

export function assessmentRoutes(app: GzApp): void {
  app.get('/api/assessment/trend', {
    config: { access: 'public' },
    schema: { tags, summary: '考核指标趋势 Every indicator of an area’s subtree, a unit or a person per month of a period', querystring: S.FiguresQuery, response: { 200: S.TrendOut } },
    handler: async (request) => {
      const { subject, head, basicWeight } = await askedFor(request, request.query);
      const months = await monthlyCountsOf(app.gz.db, subject.kind, subject.id, head);
      return { ...head, months: months.map((m) => ({ month: m.month, indicators: figuresOf(m.counts, { basicWeight }) })) };
    },
  });
  app.get('/api/assessment/figures', {
    // A session or an API key: assessmentScopes checks either (401/403 otherwise).
    config: { access: 'public' },
    schema: { tags, summary: '考核指标 Every indicator of an area’s subtree, a unit or a person over a period, with numerator and denominator', querystring: S.FiguresQuery, response: { 200: S.FiguresOut } },
    handler: async (request) => {
      const { subject, head, basicWeight } = await askedFor(request, request.query);
      const counts = await countsOf(app.gz.db, subject.kind, subject.id, head);
      const byKey = new Map(indicators.map((i) => [i.key, i]));
      return {
        ...head,
        indicators: figuresOf(counts, { basicWeight }).map((f) => ({ ...f, name: byKey.get(f.key)!.name, definition: byKey.get(f.key)!.definition })),
        counts,
      };
    },
  });
}
