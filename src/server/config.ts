/**
 * Environment → typed configuration, read in one place so every other module
 * receives plain values and tests can build a config without touching `process.env`.
 */
import { resolve } from 'node:path';

export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Directory of the embedded database (and its lock file). */
  dataDir: string;
  port: number;
  host: string;
  /** Public origin, used for cookie `Secure` and CSRF origin checks. */
  publicUrl: string | undefined;
  logLevel: string;
  /** Deployment time zone; deadlines and periods are computed in it. */
  timeZone: string;
  /** Maximum accepted request body, bytes. */
  bodyLimit: number;
  sessionTtlHours: number;
  /** How long a server remembers a signed-in caller (session-cache.ts); 0: never. */
  sessionCacheMs: number;
  /** Bearer token required by /metrics when set. */
  metricsToken: string | undefined;
  /** Requests per minute per client address across the API (sign-in has its own, stricter limits). */
  rateLimitPerMinute: number;
  /** Directory of the built web app (served as static files when it exists). */
  webDir: string;
  /** SMTP server for email notifications (`smtp://user:pass@host:587`); unset: emails are only logged. */
  smtpUrl: string | undefined;
  /** Sender address of notification emails. */
  mailFrom: string;
  /** How often the outbox delivery job runs, ms. */
  outboxIntervalMs: number;
  /** Delivery attempts of one outbound message before it is marked failed. */
  outboxMaxAttempts: number;
  /** How often the dispatch model is retrained from the dispatched cases, hours (at start too when none is newer). */
  dispatchTrainHours: number;
  /** 监督举报: whether the reported person's line superiors are kept from reading it (default) or may read it as inspectors. */
  supervisionLineSuperiors: 'exclude' | 'include';
  /** Days after archiving that a report's receipt still opens it; then the receipt's key is destroyed. */
  supervisionReceiptDays: number;
  /** Days after archiving that a report is kept; then its keys are destroyed (crypto-shredding) and only its number, place and dates remain. */
  supervisionRetentionDays: number;
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n)) throw new Error(`not an integer: ${value}`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`expected one of ${allowed.join(', ')}: ${value}`);
  return value as T;
}

/** Reads the configuration from an environment (defaults to `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.GONGZHI_DATA_DIR || './data'),
    port: intFrom(env.PORT, 8080),
    host: env.HOST || '0.0.0.0',
    publicUrl: env.GONGZHI_PUBLIC_URL || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    timeZone: env.GONGZHI_TIME_ZONE || 'Asia/Shanghai',
    bodyLimit: intFrom(env.GONGZHI_BODY_LIMIT, 1024 * 1024),
    sessionTtlHours: intFrom(env.GONGZHI_SESSION_TTL_HOURS, 12),
    sessionCacheMs: intFrom(env.GONGZHI_SESSION_CACHE_MS, 2000),
    metricsToken: env.GONGZHI_METRICS_TOKEN || undefined,
    rateLimitPerMinute: intFrom(env.GONGZHI_RATE_LIMIT, 600),
    webDir: resolve(env.GONGZHI_WEB_DIR || './dist/web'),
    smtpUrl: env.GONGZHI_SMTP_URL || undefined,
    mailFrom: env.GONGZHI_MAIL_FROM || '共治 Gongzhi <no-reply@localhost>',
    outboxIntervalMs: intFrom(env.GONGZHI_OUTBOX_INTERVAL_MS, 5000),
    outboxMaxAttempts: intFrom(env.GONGZHI_OUTBOX_MAX_ATTEMPTS, 8),
    dispatchTrainHours: intFrom(env.GONGZHI_DISPATCH_TRAIN_HOURS, 24),
    supervisionLineSuperiors: oneOf(env.GONGZHI_SUPERVISION_LINE_SUPERIORS, ['exclude', 'include'] as const, 'exclude'),
    supervisionReceiptDays: intFrom(env.GONGZHI_SUPERVISION_RECEIPT_DAYS, 365),
    supervisionRetentionDays: intFrom(env.GONGZHI_SUPERVISION_RETENTION_DAYS, 1825),
  };
}
