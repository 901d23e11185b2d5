/**
 * A resident registers: an account (username and/or phone), a person record at the
 * community or grid they live in, and the `resident` role there. The password arrives
 * hashed (Argon2 runs before the transaction).
 */
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/context.js';
import { insertUser } from '../../../platform/auth/users.js';
import { insertRole } from '../account.repo.js';
import { nodeById } from '../org.repo.js';
import { insertPeople } from '../people.repo.js';
import { invalidField } from './guard.js';
import { maskPhone } from './person-creator.js';

export interface ResidentRegistrarProps {
  username: string | null;
  phone: string | null;
  displayName: string;
  passwordHash: string;
  /** The community or grid the resident lives in. */
  nodeId: number;
}

/** Creates account, person and grant; returns the new account's id. */
export async function residentRegistrar(ctx: CommandContext, props: ResidentRegistrarProps): Promise<{ userId: number; personId: number }> {
  if (!props.username && !props.phone) throw invalidField('body.username', 'login_required');
  const node = await nodeById(ctx.tx, props.nodeId);
  if (!node) throw invalidField('body.nodeId', 'ref_not_found');
  if (node.level !== 'community' && node.level !== 'grid') throw invalidField('body.nodeId', 'register_node_level');
  const user = await insertUser(ctx.tx, { username: props.username, phone: props.phone, displayName: props.displayName, passwordHash: props.passwordHash, kind: 'resident' });
  const [person] = await insertPeople(ctx.tx, [{ nodeId: node.id, name: props.displayName, phone: props.phone, gender: null, partyMember: false, note: null, userId: user.id }], ctx.now);
  await insertRole(ctx.tx, { userId: user.id, role: 'resident', nodeId: node.id }, ctx.now);
  await audit(ctx, {
    action: 'org.resident.register',
    subjectType: 'user',
    subjectId: user.id,
    actorLabel: props.displayName,
    changes: { username: user.username, phone: maskPhone(user.phone), nodeId: node.id, personId: person!.id },
    scopePath: node.path,
  });
  return { userId: user.id, personId: person!.id };
}
