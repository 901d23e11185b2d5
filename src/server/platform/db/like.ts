/**
 * LIKE-pattern helpers shared by every module: literal matching of user text and the
 * subtree filter (`path LIKE '/1/5/%'`) that scopes lists to the caller's grants.
 */
import { ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Escapes LIKE wildcards so user text and paths match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column` lies in one of the subtrees under `prefixes` (false when there are none). */
export function underAny(column: AnyPgColumn | SQL, prefixes: readonly string[]): SQL {
  if (prefixes.length === 0) return sql`false`;
  return or(...prefixes.map((p) => like(column, `${escapeLike(p)}%`)))!;
}

/** Case-insensitive substring match on any of the columns. */
export function matchesText(q: string, ...columns: AnyPgColumn[]): SQL {
  const pattern = `%${escapeLike(q)}%`;
  return or(...columns.map((c) => ilike(c, pattern)))!;
}
