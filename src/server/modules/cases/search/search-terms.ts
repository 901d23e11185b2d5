/**
 * The search dictionary admins keep: words the segmenter must not split (a local place, a
 * programme's name, a slang term). Adding or removing one rebuilds this server's segmenter
 * once committed (the routes drop it; other servers within its ten minutes); cases indexed
 * before keep their words until they are indexed again.
 */
import { asc, eq } from 'drizzle-orm';
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/database.js';
import { Forbidden, NotFound } from '../../../platform/http/errors.js';
import { canConfigure } from '../catalogue/catalogue.policy.js';
import { searchTerms } from '../cases.tables.js';

export type SearchTermRow = typeof searchTerms.$inferSelect;

export async function listSearchTerms(ex: Executor): Promise<SearchTermRow[]> {
  return ex.select().from(searchTerms).orderBy(asc(searchTerms.word));
}

export async function searchTermAdder(ctx: CommandContext, props: { word: string }): Promise<SearchTermRow> {
  if (!canConfigure(ctx.actor)) throw new Forbidden();
  const [row] = await ctx.tx.insert(searchTerms).values({ word: props.word, createdBy: ctx.actor?.userId ?? null, createdAt: ctx.now }).returning();
  await audit(ctx, { action: 'cases.search_term.add', subjectType: 'search_term', subjectId: row!.id, changes: { word: row!.word } });
  return row!;
}

export async function searchTermRemover(ctx: CommandContext, props: { id: number }): Promise<void> {
  if (!canConfigure(ctx.actor)) throw new Forbidden();
  const [row] = await ctx.tx.delete(searchTerms).where(eq(searchTerms.id, props.id)).returning();
  if (!row) throw new NotFound();
  await audit(ctx, { action: 'cases.search_term.remove', subjectType: 'search_term', subjectId: row.id, changes: { word: row.word } });
}
