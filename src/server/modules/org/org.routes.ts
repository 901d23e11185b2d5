/**
 * Every HTTP route of the organization module, registered in one plugin scope (so the
 * spreadsheet body parsers stay local to it).
 */
import type { GzApp } from '../../platform/module.js';
import { accountRoutes, roleRoutes } from './access.routes.js';
import { nodeRoutes } from './node.routes.js';
import { organizationRoutes, postRoutes } from './organization.routes.js';
import { peopleRoutes } from './people.routes.js';
import { registerRoutes } from './register.routes.js';
import { responsibilityRoutes } from './responsibility.routes.js';
import { transferRoutes } from './transfer.routes.js';

/** Registers the module's routes on its scope. */
export function orgRoutes(app: GzApp): void {
  nodeRoutes(app);
  organizationRoutes(app);
  postRoutes(app);
  peopleRoutes(app);
  roleRoutes(app);
  accountRoutes(app);
  registerRoutes(app);
  responsibilityRoutes(app);
  transferRoutes(app);
}
