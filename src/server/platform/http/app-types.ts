/**
 * Fastify type augmentations shared by the whole server: what the app carries
 * (`app.gz`), what each request carries (`request.actor`) and what each route declares
 * (`config.access`).
 */
import type { AuthHooks } from '../module.js';
import type { Config } from '../../config.js';
import type { Database, Db, Executor } from '../db/database.js';
import type { Actor } from '../access/actor.js';
import type { RouteAccess } from '../access/permission.js';
import type { Clock } from '../context.js';
import type { SessionRecord } from '../auth/sessions.js';
import type { SessionCache } from '../auth/session-cache.js';

/** Loads what the organization model knows of a user: their person record, grants and units. */
export type ActorLoader = (ex: Executor, userId: number) => Promise<Pick<Actor, 'personId' | 'grants' | 'unitIds'>>;

/** One declared API route and who may call it. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  loadActor: ActorLoader;
  /** Signed-in callers remembered for a moment (session-cache.ts). */
  sessionCache: SessionCache;
  routes: RouteEntry[];
  authHooks: AuthHooks;
}

declare module 'fastify' {
  interface FastifyInstance {
    gz: AppDeps;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRecord | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must declare it (checked at start-up). */
    access?: RouteAccess;
  }
}
