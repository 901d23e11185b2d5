/**
 * 触发阈值设置: the review triggers' thresholds for the deployment (`/`) or a subtree, read
 * and saved by accountability.write over that place (the deployment's only by someone whose
 * scope covers every root). Each row carries a version; saving with an older one is a 409.
 */
import { and, eq } from 'drizzle-orm';
import { can, scopeOf, type Actor } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { Conflict, Forbidden, Invalid, NotFound, type FieldError } from '../../platform/http/errors.js';
import { nodePlace, rootNodes } from '../org/org.exports.js';
import { accountabilityReviewSettings } from './accountability.tables.js';
import { effectiveSetting, settingProblems, triggerKinds, type TriggerKind, type TriggerSetting } from './review-rules.js';

type Row = typeof accountabilityReviewSettings.$inferSelect;

export const DEPLOYMENT_PATH = '/';

/** Every stored setting (a handful of rows: four triggers per place that overrides them). */
export async function settingRows(ex: Executor): Promise<Row[]> {
  return ex.select().from(accountabilityReviewSettings).orderBy(accountabilityReviewSettings.nodePath, accountabilityReviewSettings.triggerKind);
}

export interface SettingView extends TriggerSetting {
  kind: TriggerKind;
  /** Where the values come from: this scope, an enclosing one, or the built-in default (null). */
  fromPath: string | null;
  /** The version of this scope's own row (0: none yet) — what a save must send back. */
  version: number;
}

export interface SettingsView {
  nodeId: number | null;
  path: string;
  items: SettingView[];
  /** Subtrees within the caller's scope that override some trigger. */
  overrides: Array<TriggerSetting & { kind: TriggerKind; nodeId: number; path: string }>;
}

/** The place a settings scope stands for, once the actor may write there. */
async function scopePath(ex: Executor, actor: Actor | null, nodeId: number | null): Promise<string> {
  if (nodeId === null) {
    const roots = await rootNodes(ex);
    if (!roots.every((r) => can(actor, Permission.AccountabilityWrite, { path: r.path }))) throw new Forbidden();
    return DEPLOYMENT_PATH;
  }
  const node = await nodePlace(ex, nodeId);
  if (!node) throw new NotFound();
  if (!can(actor, Permission.AccountabilityWrite, { path: node.path })) throw new Forbidden();
  return node.path;
}

function view(rows: readonly Row[], actor: Actor | null, nodeId: number | null, path: string): SettingsView {
  const items = triggerKinds.map((kind) => {
    const { fromPath, ...setting } = effectiveSetting(rows, kind, path);
    const own = rows.find((r) => r.triggerKind === kind && r.nodePath === path);
    return { kind, ...setting, fromPath, version: own?.version ?? 0 };
  });
  const scope = scopeOf(actor, Permission.AccountabilityWrite);
  const overrides = rows
    .filter((r) => r.nodeId !== null && scope.some((p) => r.nodePath.startsWith(p)))
    .map((r) => ({ kind: r.triggerKind, nodeId: r.nodeId!, path: r.nodePath, enabled: r.enabled, threshold: r.threshold, minCases: r.minCases }));
  return { nodeId, path, items, overrides };
}

export async function settingsView(ex: Executor, actor: Actor | null, nodeId: number | null): Promise<SettingsView> {
  const path = await scopePath(ex, actor, nodeId);
  return view(await settingRows(ex), actor, nodeId, path);
}

export interface SettingChange extends TriggerSetting {
  kind: TriggerKind;
  /** The version of this scope's row the caller saw (0: there was none). */
  version: number;
  /** Subtrees only: drop this scope's row and follow the enclosing setting again. */
  inherit?: boolean | undefined;
}

function validate(nodeId: number | null, changes: readonly SettingChange[]): void {
  const errors: FieldError[] = [];
  changes.forEach((c, i) => {
    if (c.inherit) {
      if (nodeId === null) errors.push({ path: `body.items.${i}.inherit`, code: 'accountability_settings_inherit_root' });
      return;
    }
    for (const f of settingProblems(c.kind, c)) errors.push({ path: `body.items.${i}.${f}`, code: `accountability_settings_${f}` });
  });
  if (new Set(changes.map((c) => c.kind)).size !== changes.length) errors.push({ path: 'body.items', code: 'accountability_settings_duplicate' });
  if (errors.length > 0) throw new Invalid('invalid', errors);
}

/** Writes one trigger's row at the scope, if the caller saw its current version. */
async function saveOne(ctx: CommandContext, nodeId: number | null, path: string, c: SettingChange): Promise<void> {
  const at = and(eq(accountabilityReviewSettings.triggerKind, c.kind), eq(accountabilityReviewSettings.nodePath, path));
  const [row] = await ctx.tx.select().from(accountabilityReviewSettings).where(at).for('update');
  if ((row?.version ?? 0) !== c.version) throw new Conflict('accountability_version_conflict', { current: row?.version ?? 0 });
  if (c.inherit) {
    if (row) await ctx.tx.delete(accountabilityReviewSettings).where(eq(accountabilityReviewSettings.id, row.id));
    return;
  }
  const values = { enabled: c.enabled, threshold: c.threshold, minCases: c.minCases, updatedBy: ctx.actor!.userId, updatedAt: ctx.now };
  if (row) {
    await ctx.tx.update(accountabilityReviewSettings).set({ ...values, version: row.version + 1 }).where(eq(accountabilityReviewSettings.id, row.id));
    return;
  }
  // Two first saves at once: the loser inserts nothing and is told to reload.
  const inserted = await ctx.tx.insert(accountabilityReviewSettings).values({ ...values, triggerKind: c.kind, nodeId, nodePath: path }).onConflictDoNothing().returning({ id: accountabilityReviewSettings.id });
  if (inserted.length === 0) throw new Conflict('accountability_version_conflict', { current: 1 });
}

/** Saves the changed triggers of one scope together, audited. */
export async function saveSettings(ctx: CommandContext, nodeId: number | null, changes: readonly SettingChange[]): Promise<SettingsView> {
  const path = await scopePath(ctx.tx, ctx.actor, nodeId);
  validate(nodeId, changes);
  for (const c of changes) await saveOne(ctx, nodeId, path, c);
  const changed = Object.fromEntries(changes.map((c) => [c.kind, c.inherit ? 'inherit' : { enabled: c.enabled, threshold: c.threshold, minCases: c.minCases }]));
  await audit(ctx, { action: 'accountability.review_settings', subjectType: 'accountability_review_settings', subjectId: nodeId ?? null, changes: { path, ...changed }, scopePath: path === DEPLOYMENT_PATH ? null : path });
  return view(await settingRows(ctx.tx), ctx.actor, nodeId, path);
}
