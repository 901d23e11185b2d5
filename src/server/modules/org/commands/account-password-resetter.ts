/**
 * An administrator sets a new initial password for an account (forgotten password):
 * the holder must change it at next sign-in, and every open session ends.
 */
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict } from '../../../platform/http/errors.js';
import { deleteOtherSessions } from '../../../platform/auth/sessions.js';
import { resetPassword } from '../account.repo.js';
import { accountPlaces } from '../org.presenter.js';
import { manageableAccount } from './account-updater.js';

/** Stores the (already hashed) password; one's own password is changed at /api/me/password. */
export async function accountPasswordResetter(ctx: CommandContext, props: { id: number; passwordHash: string }): Promise<void> {
  const account = await manageableAccount(ctx, props.id);
  if (account.id === ctx.actor?.userId) throw new Conflict('account_self_reset');
  await resetPassword(ctx.tx, account.id, props.passwordHash, ctx.now);
  await deleteOtherSessions(ctx.tx, account.id, null);
  await audit(ctx, { action: 'org.account.password_reset', subjectType: 'user', subjectId: account.id, changes: { password: 'reset' }, scopePath: accountPlaces(account).paths[0] ?? null });
}
