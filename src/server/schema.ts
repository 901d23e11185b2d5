/**
 * Every table of every module, for drizzle-kit (migrations are generated from this).
 * Application code imports tables from their own module, never from here.
 */
export * from './platform/auth/auth.tables.js';
export * from './platform/audit/audit.tables.js';
export * from './modules/org/org.tables.js';
export * from './platform/notify/notify.tables.js';
export * from './platform/http/idempotency.tables.js';
export * from './modules/cases/cases.tables.js';
export * from './modules/insight/insight.tables.js';
export * from './modules/dispatch/dispatch.tables.js';
export * from './modules/supervision/supervision.tables.js';
export * from './platform/http/pow.tables.js';
export * from './modules/accountability/accountability.tables.js';
export * from './modules/petitions/petitions.tables.js';
export * from './modules/assessment/assessment.tables.js';
