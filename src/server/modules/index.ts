/**
 * The capabilities of the platform, in start-up order. Adding a capability is adding
 * its folder and one line here.
 */
import type { ModuleManifest } from '../platform/module.js';
import { authModule } from '../platform/auth/auth.routes.js';
import { auditModule } from '../platform/audit/audit.routes.js';
import { notifyModule } from '../platform/notify/notify.routes.js';
import { apiKeysModule } from '../platform/auth/api-keys.routes.js';
import { idempotencyModule } from '../platform/http/idempotency.js';
import { dbMaintenanceModule } from '../platform/db/maintenance.js';
import { orgModule } from './org/org.module.js';
import { casesModule } from './cases/cases.module.js';
import { open311Module } from './open311/open311.module.js';
import { insightModule } from './insight/insight.module.js';
import { dispatchModule } from './dispatch/dispatch.module.js';
import { supervisionModule } from './supervision/supervision.module.js';
import { accountabilityModule } from './accountability/accountability.module.js';
import { petitionsModule } from './petitions/petitions.module.js';
import { assessmentModule } from './assessment/assessment.module.js';

export const modules: ModuleManifest[] = [authModule, auditModule, notifyModule, apiKeysModule, idempotencyModule, dbMaintenanceModule, orgModule, casesModule, open311Module, insightModule, dispatchModule, supervisionModule, accountabilityModule, petitionsModule, assessmentModule];
