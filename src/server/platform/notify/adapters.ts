/**
 * Channel adapters: how one rendered message leaves. In-app writes a `notifications` row in
 * the delivering transaction; email goes over SMTP (nodemailer) when GONGZHI_SMTP_URL is set;
 * SMS and WeChat are pluggable (`registerChannelAdapter`) and, like email without SMTP,
 * default to a logging adapter that writes the message to the log with the recipient masked.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Executor } from '../db/database.js';
import { notifications, type OutboxChannel } from './notify.tables.js';
import type { TemplateParams } from './templates.js';

/** A claimed outbox row with its rendered text. */
export interface Delivery {
  id: number;
  channel: OutboxChannel;
  recipient: string;
  template: string;
  params: TemplateParams;
  title: string;
  body: string;
  link: string | null;
  /** 1 for the first try. */
  attempt: number;
}

export interface SendContext {
  /** The claiming transaction for transactional adapters; the database otherwise. */
  ex: Executor;
  now: Date;
}

export interface ChannelAdapter {
  /**
   * Runs inside the transaction that claims and marks the row (in-app: its insert commits
   * with the "sent" mark, or not at all). Non-transactional adapters run after that
   * transaction committed, so a slow SMTP server never holds database locks.
   */
  readonly transactional?: boolean;
  send(message: Delivery, ctx: SendContext): Promise<void>;
}

export type Adapters = Record<OutboxChannel, ChannelAdapter>;

/** A failure that retrying cannot fix (no such user, malformed address, 5xx from SMTP): the row fails at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** The subset of a pino logger the adapters write to. */
export interface NotifyLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

// ---------- masking: full phone numbers never reach the log ----------

/** `13812345678` (or `+86 138…`) → `138****5678`; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2); // +86 country code
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '**';
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** `zhang.san@example.com` → `z***@example.com`. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/** The recipient as it may appear in logs and in the admin list. */
export function maskRecipient(channel: OutboxChannel, recipient: string): string {
  switch (channel) {
    case 'in_app':
      return recipient;
    case 'sms':
      return maskPhone(recipient);
    case 'email':
      return maskEmail(recipient);
    case 'wechat':
      return recipient.length > 6 ? `${recipient.slice(0, 4)}***${recipient.slice(-2)}` : '***';
  }
}

const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

/** Masks mobile and landline numbers inside free text (message bodies, error messages). */
export function maskPhonesIn(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (m) => maskPhone(m)).replace(LANDLINE_IN_TEXT, (m) => maskPhone(m));
}

// ---------- adapters ----------

const USER_ID = /^[1-9][0-9]{0,15}$/;

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * In-app: one `notifications` row per outbox row, in the claiming transaction. The unique
 * `outbox_id` makes a second delivery of the same row a no-op.
 */
export const inAppAdapter: ChannelAdapter = {
  transactional: true,
  async send(m, { ex, now }) {
    if (!USER_ID.test(m.recipient)) throw new PermanentDeliveryError(`in_app recipient is not a user id: ${m.recipient}`);
    try {
      await ex
        .insert(notifications)
        .values({ userId: Number(m.recipient), outboxId: m.id, template: m.template, params: m.params, link: m.link, createdAt: now })
        .onConflictDoNothing({ target: notifications.outboxId });
    } catch (err) {
      if (sqlState(err) === '23503') throw new PermanentDeliveryError(`no user ${m.recipient}`);
      throw err;
    }
  },
};

/** Writes the message to the log instead of sending it (development, and channels without a provider). */
export function loggingAdapter(log: NotifyLog): ChannelAdapter {
  return {
    async send(m) {
      log.info(
        { outboxId: m.id, channel: m.channel, to: maskRecipient(m.channel, m.recipient), template: m.template, title: maskPhonesIn(m.title), body: maskPhonesIn(m.body), attempt: m.attempt },
        'notification logged (no provider configured for this channel)',
      );
    },
  };
}

/** What the email adapter needs of a nodemailer transport (a test may pass its own). */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** Email over SMTP. A 5xx reply (mailbox unknown, refused) is permanent; anything else is retried. */
export function emailAdapter(transport: MailTransport, from: string): ChannelAdapter {
  return {
    async send(m) {
      if (!EMAIL.test(m.recipient)) throw new PermanentDeliveryError(`not an email address: ${maskEmail(m.recipient)}`);
      try {
        await transport.sendMail({ from, to: m.recipient, subject: m.title, text: m.link ? `${m.body}\n\n${m.link}` : m.body });
      } catch (err) {
        const code = (err as { responseCode?: unknown }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600) throw new PermanentDeliveryError(`SMTP ${code}: ${(err as Error).message}`);
        throw err;
      }
    },
  };
}

/** A nodemailer SMTP transport from a URL (`smtp://user:pass@host:587`, `smtps://…:465`), with bounded timeouts. */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
}

export type AdapterFactory = (config: Config, log: NotifyLog) => ChannelAdapter;
const plugged = new Map<OutboxChannel, AdapterFactory>();

/**
 * Plugs a provider into a channel (an SMS gateway, a WeChat template-message sender),
 * replacing the default for every adapter set built afterwards.
 */
export function registerChannelAdapter(channel: OutboxChannel, factory: AdapterFactory): void {
  plugged.set(channel, factory);
}

/** The adapters of a deployment: in-app, SMTP email when configured, plugged SMS/WeChat, logging otherwise. */
export function defaultAdapters(config: Config, log: NotifyLog): Adapters {
  const logging = loggingAdapter(log);
  const pick = (channel: OutboxChannel, fallback: ChannelAdapter) => plugged.get(channel)?.(config, log) ?? fallback;
  return {
    in_app: inAppAdapter,
    email: pick('email', config.smtpUrl ? emailAdapter(smtpTransport(config.smtpUrl), config.mailFrom) : logging),
    sms: pick('sms', logging),
    wechat: pick('wechat', logging),
  };
}
