/**
 * Who may change the catalogue (pure). The catalogue, the calendar and the deadline rules
 * serve the whole deployment, so changing them needs `cases.configure` held at a root
 * of the administrative tree (a district-level administrator), not merely somewhere in it.
 * Reply templates are shared too: anyone with `cases.templates` adds them; their author
 * or a configurator changes them.
 */
import { can, type Actor } from '../../../platform/access/actor.js';
import { Permission } from '../../../platform/access/permission.js';
import { roleGrants } from '../../../platform/access/roles.js';
import type { CategoryRow, TemplateRow } from './catalogue.repo.js';

const isRootPath = (path: string) => path.split('/').filter(Boolean).length === 1;

/** Holds `cases.configure` at a root of the tree. */
export function canConfigure(actor: Actor | null): boolean {
  return !!actor && actor.grants.some((g) => isRootPath(g.path) && roleGrants(g.role, Permission.CasesConfigure));
}

export function canAddTemplates(actor: Actor | null): boolean {
  return can(actor, Permission.ReplyTemplatesWrite);
}

/** The author (still holding `cases.templates`) or a configurator. */
export function canChangeTemplate(actor: Actor | null, t: Pick<TemplateRow, 'createdBy'>): boolean {
  return canConfigure(actor) || (canAddTemplates(actor) && t.createdBy !== null && t.createdBy === actor?.userId);
}

/**
 * Category: `update` (activate, deactivate, sort), `rename` (local extensions only — the
 * national and urban classes keep their standard names), `createChild` (above level 3).
 */
export function categoryActions(actor: Actor | null, c: Pick<CategoryRow, 'system' | 'level'>): string[] {
  if (!canConfigure(actor)) return [];
  return ['update', ...(c.system === 'local' ? ['rename'] : []), ...(c.level < 3 ? ['createChild'] : [])];
}

/** Calendar, rules: `update` (and `delete`) for configurators. */
export function configActions(actor: Actor | null): string[] {
  return canConfigure(actor) ? ['update', 'delete'] : [];
}

export function templateActions(actor: Actor | null, t: Pick<TemplateRow, 'createdBy'>): string[] {
  return canChangeTemplate(actor, t) ? ['update', 'delete'] : [];
}
