/**
 * The module manifest (after Decidim's `register_component`): each capability exports
 * one, and app.ts only walks the list. Adding a capability is adding a folder and a line.
 */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Message } from './http/messages.js';
import type { Db, Executor } from './db/database.js';
import type { Config } from '../config.js';
import type { CommandContext } from './context.js';

export type GzApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface ModuleManifest {
  name: string;
  /** Registers the module's HTTP routes (each declares `config.access`). */
  routes?: (app: GzApp) => void | Promise<void>;
  /** Error and notice messages, zh-CN and en-US. */
  messages?: Record<string, Message>;
  /**
   * Reference data every deployment needs (catalogues, calendars), loaded after the
   * migrations at every start: idempotent, it inserts only what is missing.
   */
  seedBaseline?: (ctx: CommandContext) => Promise<void>;
  /** Demo data, run by `gongzhi seed --demo` in manifest order. */
  seedDemo?: (ctx: CommandContext) => Promise<void>;
  /** Whether the module already has data (start-up seeds the demo only into an empty database). */
  isEmpty?: (ex: Executor) => Promise<boolean>;
  /**
   * Periodic tasks, run by `gongzhi serve` through the one scheduler (platform/jobs). Every
   * app server runs them, so each must be safe to run concurrently (SKIP LOCKED, idempotent).
   * `everyMs` may be read from the configuration.
   */
  jobs?: ModuleJob[];
  /**
   * Runs in the sign-in's transaction with the password just verified (supervision unlocks the
   * user's private key into the new session). The password must never be stored or logged.
   */
  onSignIn?: (ctx: CommandContext, s: SignIn) => Promise<void>;
  /** Runs in a password change's transaction (supervision re-wraps the user's private key). */
  onPasswordChange?: (ctx: CommandContext, c: PasswordChange) => Promise<void>;
}

export interface SignIn {
  userId: number;
  password: string;
  sessionId: string;
  /** The cookie's token (the database holds only its hash). */
  sessionToken: string;
}

export interface PasswordChange {
  userId: number;
  oldPassword: string;
  newPassword: string;
}

/** The sign-in and password-change hooks of the mounted modules, in manifest order. */
export interface AuthHooks {
  signIn: Array<NonNullable<ModuleManifest['onSignIn']>>;
  passwordChange: Array<NonNullable<ModuleManifest['onPasswordChange']>>;
}

/** A periodic task of a module; `name` is dotted (`notify.deliver`, `auth.housekeeping`). */
export interface ModuleJob {
  name: string;
  everyMs: number | ((config: Config) => number);
  run: (ctx: JobContext) => Promise<unknown>;
}

/** What a job run receives: the database (it opens its own transactions), the time, a logger. */
export interface JobContext {
  db: Db;
  now: Date;
  log: FastifyBaseLogger;
  config: Config;
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}
