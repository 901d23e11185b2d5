/**
 * Creates a staff account (admins only): a login, its role grants, and optionally the
 * link to an existing person record. The holder must change the initial password at
 * first sign-in. The password arrives hashed: Argon2 is slow on purpose and must not
 * run inside the transaction.
 */
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, Forbidden } from '../../../platform/http/errors.js';
import type { Role } from '../../../platform/access/roles.js';
import { insertUser } from '../../../platform/auth/users.js';
import { accountById, insertRole, type AccountView } from '../account.repo.js';
import { personById, updatePerson } from '../people.repo.js';
import { canCreateAccount, orgPolicy } from '../org.policy.js';
import type { NodeView } from '../org.repo.js';
import { invalidField, referencedNode } from './guard.js';
import { maskPhone } from './person-creator.js';

export interface StaffAccountCreatorProps {
  username: string;
  phone: string | null;
  displayName: string;
  passwordHash: string;
  personId: number | null;
  roles: Array<{ role: Role; nodeId: number }>;
}

async function grantNodes(ctx: CommandContext, roles: StaffAccountCreatorProps['roles']): Promise<NodeView[]> {
  const nodes: NodeView[] = [];
  for (const [i, r] of roles.entries()) nodes.push(await referencedNode(ctx, r.nodeId, `body.roles.${i}.nodeId`, orgPolicy.manageAccountsAt));
  return nodes;
}

async function linkablePerson(ctx: CommandContext, personId: number | null) {
  if (personId === null) return null;
  const person = await personById(ctx.tx, personId);
  if (!person || !orgPolicy.readPeople(ctx.actor, { path: person.nodePath })) throw invalidField('body.personId', 'ref_not_found');
  if (person.userId !== null) throw new Conflict('person_has_account');
  return person;
}

/** Creates the account with `mustChangePassword`; needs users.manage and the right to grant each role. */
export async function staffAccountCreator(ctx: CommandContext, props: StaffAccountCreatorProps): Promise<AccountView> {
  const roles = props.roles.filter((r, i) => props.roles.findIndex((s) => s.role === r.role && s.nodeId === r.nodeId) === i);
  const nodes = await grantNodes(ctx, roles);
  if (!canCreateAccount(ctx.actor, roles.map((r, i) => ({ role: r.role, path: nodes[i]!.path })))) throw new Forbidden();
  const person = await linkablePerson(ctx, props.personId);
  const user = await insertUser(ctx.tx, { username: props.username, phone: props.phone, displayName: props.displayName, passwordHash: props.passwordHash, kind: 'staff', mustChangePassword: true });
  for (const r of roles) await insertRole(ctx.tx, { userId: user.id, role: r.role, nodeId: r.nodeId }, ctx.now);
  if (person) await updatePerson(ctx.tx, person.id, { userId: user.id }, ctx.now);
  await audit(ctx, {
    action: 'org.account.create',
    subjectType: 'user',
    subjectId: user.id,
    changes: { username: user.username, phone: maskPhone(user.phone), displayName: user.displayName, kind: 'staff', personId: person?.id ?? null, roles },
    scopePath: nodes[0]!.path,
  });
  return (await accountById(ctx.tx, user.id))!;
}
