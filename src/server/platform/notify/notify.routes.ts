/**
 * Notifications: the signed-in account's in-app messages (`/api/me/notifications`), the
 * outbox for administrators (`/api/admin/outbox`), and the delivery job. The outbox holds
 * messages of the whole deployment and is tied to no place, so it is visible to holders of
 * `outbox.read` at a root of the tree (as unlocated audit entries are).
 */
import { z } from 'zod';
import { scopeOf, type Actor } from '../access/actor.js';
import { Permission } from '../access/permission.js';
import type { Config } from '../../config.js';
import { runCommand } from '../http/command.js';
import { NotFound } from '../http/errors.js';
import { pickLang } from '../http/messages.js';
import { defineModule, type GzApp } from '../module.js';
import { defaultAdapters, type Adapters, type NotifyLog } from './adapters.js';
import { deliverDue, DEFAULT_BATCH } from './deliver.js';
import { listNotifications, listOutbox, markAllNotificationsRead, markNotificationRead } from './notify.repo.js';
import { presentNotification, presentOutbox } from './notify.presenter.js';
import { IdParams, NotificationsPage, NotificationsQuery, OutboxOut, OutboxPage, OutboxQuery, ReadAllOut } from './notify.schema.js';
import { outboxRetrier } from './outbox-retrier.js';

/** Whether the actor holds `outbox.read` at a root of the tree. */
function readsOutbox(actor: Actor | null): boolean {
  return scopeOf(actor, Permission.OutboxRead).some((p) => p.split('/').filter(Boolean).length === 1);
}

function routes(app: GzApp): void {
  const me = ['notifications'];
  const admin = ['notifications', 'admin'];

  app.get('/api/me/notifications', {
    config: { access: 'authenticated' },
    schema: { tags: me, summary: '我的消息 My notifications', querystring: NotificationsQuery, response: { 200: NotificationsPage } },
    handler: async (request) => {
      const lang = pickLang(request.headers['accept-language']);
      const page = await listNotifications(app.gz.db, request.actor!.userId, request.query);
      return { items: page.rows.map((r) => presentNotification(r, lang)), total: page.total, unread: page.unread };
    },
  });

  app.post('/api/me/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: me, summary: '标记已读 Mark a notification read', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const found = await runCommand(request, (ctx) => markNotificationRead(ctx.tx, ctx.actor!.userId, request.params.id, ctx.now));
      if (!found) throw new NotFound();
      return reply.code(204).send(null);
    },
  });

  app.post('/api/me/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: me, summary: '全部标记已读 Mark all read', response: { 200: ReadAllOut } },
    handler: async (request) => {
      const updated = await runCommand(request, (ctx) => markAllNotificationsRead(ctx.tx, ctx.actor!.userId, ctx.now));
      return { updated, unread: 0 };
    },
  });

  app.get('/api/admin/outbox', {
    config: { access: Permission.OutboxRead },
    schema: { tags: admin, summary: '消息发送记录 Outbox', querystring: OutboxQuery, response: { 200: OutboxPage } },
    handler: async (request) => {
      if (!readsOutbox(request.actor)) return { items: [], total: 0 };
      const page = await listOutbox(app.gz.db, request.query);
      return { items: page.rows.map(presentOutbox), total: page.total };
    },
  });

  app.post('/api/admin/outbox/:id/retry', {
    config: { access: Permission.OutboxRead },
    schema: { tags: admin, summary: '重新发送 Retry a failed message', params: IdParams, response: { 200: OutboxOut } },
    handler: async (request) => {
      if (!readsOutbox(request.actor)) throw new NotFound();
      const row = await runCommand(request, (ctx) => outboxRetrier(ctx, { id: request.params.id }));
      return presentOutbox(row);
    },
  });
}

// One adapter set per configuration: the SMTP transport is built once and reused.
const adapterSets = new WeakMap<Config, Adapters>();
function adaptersFor(config: Config, log: NotifyLog): Adapters {
  let set = adapterSets.get(config);
  if (!set) adapterSets.set(config, (set = defaultAdapters(config, log)));
  return set;
}

/** Batches per job run at most; the next run continues. */
const MAX_BATCHES_PER_RUN = 20;

export const notifyModule = defineModule({
  name: 'notify',
  routes,
  messages: {
    outbox_not_failed: { zh: '只有发送失败的消息可以重新发送', en: 'Only a failed message can be sent again' },
  },
  jobs: [
    {
      name: 'notify.deliver',
      everyMs: (config) => config.outboxIntervalMs,
      run: async ({ db, now, log, config }) => {
        const adapters = adaptersFor(config, log);
        const total = { claimed: 0, sent: 0, retried: 0, failed: 0 };
        for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
          const r = await deliverDue(db, adapters, now, { batch: DEFAULT_BATCH, maxAttempts: config.outboxMaxAttempts, log });
          total.claimed += r.claimed;
          total.sent += r.sent;
          total.retried += r.retried;
          total.failed += r.failed;
          if (r.claimed < DEFAULT_BATCH) break;
        }
        if (total.claimed > 0) log.info(total, 'outbox delivered');
        return total;
      },
    },
  ],
});
