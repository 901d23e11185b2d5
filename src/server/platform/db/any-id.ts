/**
 * `column = ANY($1::bigint[])`: a list of ids as one array parameter. Drizzle's `inArray`
 * sends one parameter per id, and building the statement text checks each of them — for a
 * page of 50 cases that costs more than running the look-up.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export function anyId(column: AnyPgColumn, ids: Iterable<number>): SQL {
  return sql`${column} = ANY(${sql.param([...new Set(ids)])}::bigint[])`;
}
