/**
 * Changes a person's record, including moving them to another node (both the old and
 * the new place must be within the caller's people.write subtrees).
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, NotFound } from '../../../platform/http/errors.js';
import { peopleByCodes, personById, updatePerson, type PersonPatch, type PersonView } from '../people.repo.js';
import { orgPolicy } from '../org.policy.js';
import { authorize, changedFields, referencedNode } from './guard.js';
import { personAuditFields } from './person-creator.js';

export type PersonUpdaterProps = Omit<PersonPatch, 'userId'> & { id: number };

/** The person when the caller may see them (people.read over their node); 404 otherwise. */
export async function visiblePerson(ctx: CommandContext, id: number): Promise<PersonView> {
  const person = await personById(ctx.tx, id);
  if (!person || !orgPolicy.readPeople(ctx.actor, { path: person.nodePath })) throw new NotFound();
  return person;
}

/** Applies the changed fields; needs people.write over the person's node (and the new one). */
export async function personUpdater(ctx: CommandContext, props: PersonUpdaterProps): Promise<PersonView> {
  const person = await visiblePerson(ctx, props.id);
  authorize(true, orgPolicy.writePeople(ctx.actor, { path: person.nodePath }));
  const { id: _id, ...requested } = props;
  const patch = changedFields(person, requested);
  if (Object.keys(patch).length === 0) return person;
  if (patch.nodeId !== undefined) {
    const target = await referencedNode(ctx, patch.nodeId, 'body.nodeId', orgPolicy.readPeople);
    authorize(true, orgPolicy.writePeople(ctx.actor, target));
  }
  if (patch.code !== undefined && (await peopleByCodes(ctx.tx, [patch.code])).length > 0) throw new Conflict('person_code_taken');
  await updatePerson(ctx.tx, person.id, patch, ctx.now);
  const after = (await personById(ctx.tx, person.id))!;
  await audit(ctx, {
    action: 'org.person.update',
    subjectType: 'person',
    subjectId: person.id,
    changes: diffFields(personAuditFields(person), personAuditFields(after)),
    scopePath: person.nodePath,
  });
  return after;
}
