/**
 * The capabilities of the platform, in start-up order. Adding a capability is adding
 * its folder and one line here.
 */
import type { ModuleManifest } from '../platform/module.js';
import { authModule } from '../platform/auth/auth.routes.js';
import { auditModule } from '../platform/audit/audit.routes.js';
import { orgModule } from './org/org.module.js';

export const modules: ModuleManifest[] = [authModule, auditModule, orgModule];
