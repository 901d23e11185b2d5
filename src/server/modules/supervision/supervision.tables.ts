/**
 * Tables of the 监督微平台 (issue #5). What a database dump shows of a report: its number,
 * place, state and clocks. Its words, the person reported, the reporter's identity and every
 * message are sealed (libsodium sealed boxes) to the report's own public key; the report's
 * private key is sealed to each competent inspector and to each custodian (the escrow), and
 * locked under a key derived from the reporter's receipt. Each user's own private key is kept
 * wrapped under a key derived from their password, and — for a live session — locked under a
 * key derived from the session's cookie token, which the database never holds.
 */
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/bytea.js';
import { sessions, users } from '../../platform/auth/auth.tables.js';
import { adminNodes } from '../org/org.tables.js';

const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A user's keypair for supervision work (inspectors, custodians). */
export const supervisionKeys = pgTable('supervision_keys', {
  userId: ref('user_id')
    .primaryKey()
    .references(() => users.id),
  publicKey: bytea('public_key').notNull(),
  /** The private key locked under Argon2id(password): salt ‖ nonce ‖ box. */
  wrappedKey: bytea('wrapped_key').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Escrow: each user's private key sealed to each custodian, to recover it after a password reset. */
export const supervisionKeyEscrow = pgTable(
  'supervision_key_escrow',
  {
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    custodianId: ref('custodian_id')
      .notNull()
      .references(() => users.id),
    sealedKey: bytea('sealed_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.custodianId] })],
);

/** A signed-in user's private key for the session, locked under a key derived from its cookie token. */
export const supervisionSessionKeys = pgTable('supervision_session_keys', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  userId: ref('user_id').notNull(),
  lockedKey: bytea('locked_key').notNull(),
});

/** The deployment's receipt salt (not secret: it keeps one deployment's receipt hashes from being precomputed for another's). */
export const supervisionSettings = pgTable('supervision_settings', {
  id: integer('id').primaryKey().default(1),
  receiptSalt: bytea('receipt_salt').notNull(),
  /** Secret: receipts of filings with an idempotency key are derived under it (receipts.ts `receiptFor`). */
  receiptSecret: bytea('receipt_secret'),
});

export const reportStates = ['received', 'accepted', 'disposed', 'investigating', 'concluded', 'closed', 'archived'] as const;
export type ReportState = (typeof reportStates)[number];

/** 问题线索处置 (DOMAIN.md §4): 谈话函询, 初步核实, 暂存待查, 予以了结. */
export const disposals = ['talk_inquiry', 'preliminary_check', 'shelve', 'close_out'] as const;
export type Disposal = (typeof disposals)[number];

export const supervisionReports = pgTable(
  'supervision_reports',
  {
    id: id(),
    /** JB20261129-0001: shown to inspectors; never derived from the receipt. */
    number: text('number').notNull(),
    /** The place the matter concerns (counted in aggregates) and the level competent for it. */
    nodeId: ref('node_id')
      .notNull()
      .references(() => adminNodes.id),
    competentNodeId: ref('competent_node_id')
      .notNull()
      .references(() => adminNodes.id),
    competentPath: text('competent_path').notNull(),
    anonymous: boolean('anonymous').notNull(),
    state: text('state', { enum: reportStates }).notNull(),
    publicKey: bytea('public_key').notNull(),
    /** The report as filed (JSON: accused, facts, time, place …), sealed to `publicKey`. */
    content: bytea('content').notNull(),
    /** hex Argon2id(receipt, deployment salt); null once the receipt expired. */
    receiptHash: text('receipt_hash'),
    /** The report's private key locked under Argon2id(receipt, its own salt); null once the receipt expired. */
    receiptKey: bytea('receipt_key'),
    disposal: text('disposal', { enum: disposals }),
    receivedAt: ts('received_at').notNull(),
    /** Real-name reports: the acceptance notice is due within 15 working days. */
    acceptDueAt: ts('accept_due_at'),
    /** Keep it (受理) or transfer it to the competent level within 5 working days of its arrival at this level. */
    transferDueAt: ts('transfer_due_at'),
    acceptedAt: ts('accepted_at'),
    disposedAt: ts('disposed_at'),
    concludedAt: ts('concluded_at'),
    closedAt: ts('closed_at'),
    /** Real-name reports: the result is told within 15 working days of closing. */
    feedbackDueAt: ts('feedback_due_at'),
    feedbackAt: ts('feedback_at'),
    archivedAt: ts('archived_at'),
    /** Retention ran out: every key destroyed and every sealed word deleted (crypto-shredding); the row stays for counts. */
    shreddedAt: ts('shredded_at'),
    /** A clock ran out (set by the daily sweep; cleared when the step is done). */
    overdue: boolean('overdue').notNull().default(false),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('supervision_reports_number_key').on(t.number), uniqueIndex('supervision_reports_receipt_key').on(t.receiptHash), index('supervision_reports_competent_idx').on(t.competentPath, t.id)],
);

/** The report's private key sealed to one reader (a competent inspector, a custodian). */
export const supervisionReportKeys = pgTable(
  'supervision_report_keys',
  {
    reportId: ref('report_id')
      .notNull()
      .references(() => supervisionReports.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    sealedKey: bytea('sealed_key').notNull(),
    /** inspector: reads and handles it; custodian: holds it in escrow. */
    role: text('role', { enum: ['inspector', 'custodian'] }).notNull(),
    grantedAt: ts('granted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.userId] }), index('supervision_report_keys_user_idx').on(t.userId, t.reportId)],
);

/** A real-name reporter's identity, sealed to each custodian only (an inspector asks for it with a reason). */
export const supervisionIdentities = pgTable(
  'supervision_identities',
  {
    reportId: ref('report_id')
      .notNull()
      .references(() => supervisionReports.id),
    holderId: ref('holder_id')
      .notNull()
      .references(() => users.id),
    sealed: bytea('sealed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.holderId] })],
);

/** `internal`: inspectors' notes (a transfer's reason), never shown to the reporter. */
export const messageKinds = ['material', 'question', 'answer', 'notice', 'conclusion', 'internal'] as const;
export type MessageKind = (typeof messageKinds)[number];

/** What the reporter and the inspectors say to each other, and material added later; sealed to the report. */
export const supervisionMessages = pgTable(
  'supervision_messages',
  {
    id: id(),
    reportId: ref('report_id')
      .notNull()
      .references(() => supervisionReports.id),
    author: text('author', { enum: ['reporter', 'inspector', 'system'] }).notNull(),
    /** The inspector who wrote it (null for the reporter: anonymous stays anonymous). */
    authorUserId: ref('author_user_id').references(() => users.id),
    kind: text('kind', { enum: messageKinds }).notNull(),
    body: bytea('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('supervision_messages_report_idx').on(t.reportId, t.id)],
);

/** An inspector's request for a real-name reporter's identity, decided by a custodian (both audited; the reporter is told). */
export const supervisionIdentityRequests = pgTable(
  'supervision_identity_requests',
  {
    id: id(),
    reportId: ref('report_id')
      .notNull()
      .references(() => supervisionReports.id),
    inspectorId: ref('inspector_id')
      .notNull()
      .references(() => users.id),
    /** Why the identity is needed, sealed to the report (its custodians read it to decide). */
    reason: bytea('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'denied'] }).notNull(),
    decidedBy: ref('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('supervision_identity_requests_status_idx').on(t.status, t.id)],
);

/**
 * A file the reporter attached (at filing or later, with the receipt). Its name, type and
 * size (`meta`, JSON) and its bytes are sealed to the report, so a dump shows only that a
 * report has n attachments of about this size.
 */
export const supervisionAttachments = pgTable(
  'supervision_attachments',
  {
    id: id(),
    reportId: ref('report_id')
      .notNull()
      .references(() => supervisionReports.id),
    /** The material message it came with (null: attached at filing). */
    messageId: ref('message_id').references(() => supervisionMessages.id),
    meta: bytea('meta').notNull(),
    body: bytea('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('supervision_attachments_report_idx').on(t.reportId, t.id)],
);

/**
 * Recovering a user's private key after their password was reset (the old wrap no longer
 * opens). At their next sign-in a transfer keypair is made, its private key wrapped under the
 * new password; a custodian opens the escrowed copy of the user's key and seals it to the
 * transfer key; at the sign-in after that the user's key is unwrapped, checked and wrapped
 * again under their password. Neither the custodian nor the server's tables ever hold the
 * key or the password in the clear.
 */
export const supervisionKeyRecoveries = pgTable('supervision_key_recoveries', {
  userId: ref('user_id')
    .primaryKey()
    .references(() => users.id),
  transferPublicKey: bytea('transfer_public_key').notNull(),
  /** The transfer private key wrapped under the user's password at the time of asking. */
  transferWrapped: bytea('transfer_wrapped').notNull(),
  /** Set by the custodian: the user's private key sealed to the transfer public key. */
  sealedKey: bytea('sealed_key'),
  status: text('status', { enum: ['pending', 'approved'] }).notNull(),
  requestedAt: ts('requested_at').notNull(),
  decidedBy: ref('decided_by').references(() => users.id),
  decidedAt: ts('decided_at'),
});
