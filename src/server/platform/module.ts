/**
 * The module manifest (after Decidim's `register_component`): each capability exports
 * one, and app.ts only walks the list. Adding a capability is adding a folder and a line.
 */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Message } from './http/messages.js';
import type { Executor } from './db/database.js';
import type { CommandContext } from './context.js';

export type GzApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface ModuleManifest {
  name: string;
  /** Registers the module's HTTP routes (each declares `config.access`). */
  routes?: (app: GzApp) => void | Promise<void>;
  /** Error and notice messages, zh-CN and en-US. */
  messages?: Record<string, Message>;
  /** Demo data, run by `gongzhi seed --demo` in manifest order. */
  seedDemo?: (ctx: CommandContext) => Promise<void>;
  /** Whether the module already has data (start-up seeds the demo only into an empty database). */
  isEmpty?: (ex: Executor) => Promise<boolean>;
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}
