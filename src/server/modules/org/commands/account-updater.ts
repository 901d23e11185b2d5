/**
 * Renames or (de)activates an account. Deactivating ends its sessions at once, so a
 * departed official's open browser stops working immediately.
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, NotFound } from '../../../platform/http/errors.js';
import { deleteOtherSessions } from '../../../platform/auth/sessions.js';
import { accountById, updateAccount, type AccountView } from '../account.repo.js';
import { canManageAccount, canSeeAccount } from '../org.policy.js';
import { accountPlaces } from '../org.presenter.js';
import { authorize, changedFields, pick } from './guard.js';

/** The account when the caller manages any place of it; 404 otherwise, 403 unless they manage all. */
export async function manageableAccount(ctx: CommandContext, id: number): Promise<AccountView> {
  const account = await accountById(ctx.tx, id);
  if (!account || !canSeeAccount(ctx.actor, accountPlaces(account))) throw new NotFound();
  authorize(true, canManageAccount(ctx.actor, accountPlaces(account)));
  return account;
}

/** Applies the changed fields; nobody deactivates their own account. */
export async function accountUpdater(ctx: CommandContext, props: { id: number; displayName?: string | undefined; active?: boolean | undefined }): Promise<AccountView> {
  const account = await manageableAccount(ctx, props.id);
  const patch = changedFields(account, { displayName: props.displayName, active: props.active });
  if (Object.keys(patch).length === 0) return account;
  if (patch.active === false && account.id === ctx.actor?.userId) throw new Conflict('account_self_deactivate');
  await updateAccount(ctx.tx, account.id, patch, ctx.now);
  if (patch.active === false) await deleteOtherSessions(ctx.tx, account.id, null);
  const fields = ['displayName', 'active'] as const;
  await audit(ctx, {
    action: 'org.account.update',
    subjectType: 'user',
    subjectId: account.id,
    changes: diffFields(pick(account, fields), { ...pick(account, fields), ...patch }),
    scopePath: accountPlaces(account).paths[0] ?? null,
  });
  return (await accountById(ctx.tx, account.id))!;
}
