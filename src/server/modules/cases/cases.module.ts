/**
 * The 接诉即办 module: resident requests from intake to evaluation — intake, dispatch by
 * the responsibility list, objections, deadlines on the working-day calendar, the sweeper,
 * ratings, redo and reopen, "me too" — and its catalogue, calendar and templates.
 */
import { sql } from 'drizzle-orm';
import { defineModule } from '../../platform/module.js';
import { queryRows } from '../../platform/db/database.js';
import { caseRoutes } from './case.routes.js';
import { photoRoutes } from './photos/photo.routes.js';
import { sweepDeadlines } from './case-sweeper.js';
import { casesMessages } from './cases.messages.js';
import { seedCaseHistoryDemo, seedCasesDemo } from './cases.seed.js';
import { catalogueMessages, catalogueRoutes, seedCasesBaseline } from './catalogue/catalogue.module-parts.js';
import { mergePendingSearchWords } from './search/case-search.js';
import { searchTermRoutes } from './search/search-term.routes.js';

export const casesModule = defineModule({
  name: 'cases',
  routes: async (app) => {
    caseRoutes(app);
    await photoRoutes(app);
    await catalogueRoutes(app);
    searchTermRoutes(app);
  },
  messages: { ...casesMessages, ...catalogueMessages },
  seedBaseline: seedCasesBaseline,
  // The year's history first, so case ids follow time as they do in a real deployment.
  seedDemo: async (ctx) => {
    await seedCaseHistoryDemo(ctx);
    await seedCasesDemo(ctx);
  },
  isEmpty: async (ex) => (await queryRows<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM cases LIMIT 1) x`))[0]!.n === 0,
  jobs: [
    { name: 'cases.sweep', everyMs: 60_000, run: ({ db, now }) => sweepDeadlines(db, now) },
    { name: 'cases.search-merge', everyMs: 5_000, run: ({ db }) => mergePendingSearchWords(db) },
  ],
});
