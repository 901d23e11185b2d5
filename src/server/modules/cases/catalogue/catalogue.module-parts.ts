/**
 * What the cases manifest mounts from the catalogue: its routes, messages and baseline.
 *
 *   routes: (app) => { catalogueRoutes(app); … }, messages: { ...catalogueMessages, … },
 *   seedBaseline: seedCasesBaseline
 */
import type { GzApp } from '../../../platform/module.js';
import { calendarRoutes } from './calendar.routes.js';
import { categoryRoutes } from './category.routes.js';
import { replyTemplateRoutes } from './reply-template.routes.js';

export { seedCasesBaseline } from './baseline.js';
export { catalogueMessages } from './catalogue.messages.js';

/** Registers the catalogue, calendar, deadline-rule and reply-template routes. */
export function catalogueRoutes(app: GzApp): void {
  categoryRoutes(app);
  calendarRoutes(app);
  replyTemplateRoutes(app);
}
