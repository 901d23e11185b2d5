/**
 * Removes a person record. Refused while the person holds a post (the post would lose
 * its holder silently) or has an account (deactivate the account instead).
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict } from '../../../platform/http/errors.js';
import { deletePerson, postCountOfPerson } from '../people.repo.js';
import { orgPolicy } from '../org.policy.js';
import { authorize } from './guard.js';
import { personAuditFields } from './person-creator.js';
import { visiblePerson } from './person-updater.js';

/** Deletes the person; needs people.write over their node. */
export async function personDeleter(ctx: CommandContext, props: { id: number }): Promise<void> {
  const person = await visiblePerson(ctx, props.id);
  authorize(true, orgPolicy.writePeople(ctx.actor, { path: person.nodePath }));
  if (person.userId !== null) throw new Conflict('person_has_account');
  const posts = await postCountOfPerson(ctx.tx, person.id);
  if (posts > 0) throw new Conflict('person_holds_post', { count: posts });
  await deletePerson(ctx.tx, person.id);
  await audit(ctx, { action: 'org.person.delete', subjectType: 'person', subjectId: person.id, changes: diffFields(personAuditFields(person), null), scopePath: person.nodePath });
}
