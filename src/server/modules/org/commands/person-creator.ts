/**
 * Records a person (resident, grid worker, cadre …) at a node of the tree.
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict } from '../../../platform/http/errors.js';
import { insertPerson, peopleByCodes, type PersonRow } from '../people.repo.js';
import { orgPolicy } from '../org.policy.js';
import { authorize, pick, referencedPlace } from './guard.js';

export interface PersonCreatorProps {
  nodeId: number;
  /** Person number; the database numbers people who come without one. */
  code?: string | undefined;
  name: string;
  phone: string | null;
  gender: 'male' | 'female' | null;
  partyMember: boolean;
  note: string | null;
}

const personFields = ['code', 'nodeId', 'name', 'phone', 'gender', 'partyMember', 'note', 'userId'] as const;

/** Masks a phone number for the audit log (138****5678): who changed it is recorded, the number is not spread. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/** The audited fields of a person, phone masked. */
export function personAuditFields(p: PersonRow): Record<string, unknown> {
  return { ...pick(p, personFields), phone: maskPhone(p.phone) };
}

/**
 * Adds the person; the caller needs people.write over the node. Two statements — the
 * insert and its audit entry — since the node's place comes from the cache: this is the
 * action `npm run bench` measures against a bare insert.
 */
export async function personCreator(ctx: CommandContext, props: PersonCreatorProps): Promise<PersonRow> {
  const node = await referencedPlace(ctx, props.nodeId, 'body.nodeId', orgPolicy.readPeople);
  authorize(true, orgPolicy.writePeople(ctx.actor, node));
  if (props.code && (await peopleByCodes(ctx.tx, [props.code])).length > 0) throw new Conflict('person_code_taken');
  const person = await insertPerson(ctx.tx, props, ctx.now);
  await audit(ctx, { action: 'org.person.create', subjectType: 'person', subjectId: person.id, changes: diffFields(null, personAuditFields(person)), scopePath: node.path });
  return person;
}
