/**
 * One database handle over two drivers: PGlite (embedded PostgreSQL, default) and
 * node-postgres (when DATABASE_URL is set). Both are wrapped by Drizzle's pg-core
 * query builder, so modules write one set of queries.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { drizzle as drizzlePglite, PgliteSession } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Db | Tx;

export type DriverKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DriverKind;
  /** The PGlite instance, for backup; undefined on PostgreSQL. */
  pglite: PGlite | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `undefined` keeps the database in memory (tests). */
  pgliteDir?: string | undefined;
  /** A gzipped data-directory tarball to start PGlite from (tests, restore). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

/** Where PGlite keeps its files inside the Gongzhi data directory. */
export function pgliteDirOf(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

// node-postgres returns int8 (ids, count(*)) as strings while PGlite returns numbers;
// align both on numbers (ids and counts stay far below 2^53) so raw queries have one
// shape. Drizzle passes node-postgres's global parsers through, so the global one is set.
const INT8_OID = 20;
pg.types.setTypeParser(INT8_OID, (value: string) => Number(value));

/** Opens the configured database. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // Sessions in UTC, as PGlite's are, so raw timestamp text reads the same on both.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, options: '-c TimeZone=UTC' });
    pool.on('error', () => undefined); // idle-client errors surface on the next query instead of crashing
    const db = drizzlePg(pool) as unknown as Db;
    return { db, kind: 'postgres', pglite: undefined, close: () => pool.end() };
  }
  if (opts.pgliteDir) mkdirSync(opts.pgliteDir, { recursive: true });
  const client = await PGlite.create({
    ...(opts.pgliteDir ? { dataDir: opts.pgliteDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** Runs a raw SQL query and returns its rows (both drivers expose `.rows`). */
export async function queryRows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

interface SimpleQueryClient {
  exec(query: string): Promise<Array<{ rows: Array<Record<string, unknown>> }>>;
}

/**
 * The PGlite client (or PGlite transaction) behind an executor, when there is one.
 * PGlite runs a parameterized statement as five protocol steps into WebAssembly
 * (parse, describe, bind, describe, execute) but a parameterless one as a single simple
 * query; for the hottest statements of the platform — the audit append, the intake — that
 * halves their cost.
 */
function simpleQueryClient(ex: Executor): SimpleQueryClient | undefined {
  const session = (ex as unknown as { session?: unknown }).session;
  if (!(session instanceof PgliteSession)) return undefined;
  const client = (session as unknown as { client?: Partial<SimpleQueryClient> }).client;
  return typeof client?.exec === 'function' ? (client as SimpleQueryClient) : undefined;
}

/** A dollar-quoted literal: no escaping rules, whatever `standard_conforming_strings` says. */
function dollarQuoted(text: string): string | undefined {
  const tag = '$gz_literal$';
  return text.includes(tag) ? undefined : `${tag}${text}${tag}`;
}

/** The SQL functions of one text argument that hot paths call this way (migrations 0004, 0008, 0009). */
export type TextFunction = 'audit_append' | 'case_intake' | 'session_lookup' | 'actor_of_user';

/**
 * Calls a SQL function of one text argument and returns its single value. On PGlite the
 * argument travels inline as a dollar-quoted literal through the simple protocol; on
 * PostgreSQL (or if the text happens to contain the quote tag) as a bound parameter.
 */
export async function callTextFunction<T>(ex: Executor, fn: TextFunction, arg: string): Promise<T> {
  const client = simpleQueryClient(ex);
  const literal = client ? dollarQuoted(arg) : undefined;
  if (client && literal) {
    const [result] = await client.exec(`SELECT ${fn}(${literal}::text) AS value`);
    return result!.rows[0]!['value'] as T;
  }
  const [row] = await queryRows<{ value: T }>(ex, sql`SELECT ${sql.raw(fn)}(${arg}::text) AS value`);
  return row!.value;
}
