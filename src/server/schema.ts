/**
 * Every table of every module, for drizzle-kit (migrations are generated from this).
 * Application code imports tables from their own module, never from here.
 */
export * from './platform/auth/auth.tables.js';
export * from './platform/audit/audit.tables.js';
export * from './modules/org/org.tables.js';
