/**
 * 信访 intake: a resident's 网上信访 under their own account, or a letter, visit or call that
 * a registrar records (with the petitioner's name and phone, which only staff over the
 * petition see). A group visit (走访) sends at most 5 representatives. The registration
 * clock (15 days) starts at receipt.
 */
import { audit } from '../../platform/audit/audit.js';
import { can } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { findUserById } from '../../platform/auth/users.js';
import type { CommandContext } from '../../platform/context.js';
import { Forbidden, Invalid } from '../../platform/http/errors.js';
import { publicCaseSummaries } from '../cases/case.exports.js';
import { nodePlace } from '../org/org.exports.js';
import { MAX_REPRESENTATIVES, registerDue } from './petition-clocks.js';
import { notify, registrarsOf } from './petition.notices.js';
import { zoneOf } from './petition-step.js';
import { insertPetition, insertPetitionEvent, nextPetitionNumber, type PetitionRow } from './petitions.repo.js';
import type { PetitionChannel } from './petitions.tables.js';

export interface PetitionInput {
  channel: PetitionChannel;
  title: string;
  content: string;
  /** Where the matter is; a resident's own place when left out. */
  nodeId?: number | undefined;
  /** Required for a letter, visit or call recorded by staff; an online petitioner may add a phone. */
  petitioner?: { name?: string | undefined; phone?: string | undefined } | undefined;
  /** 走访: representatives of a group (at most 5). */
  representatives?: number | undefined;
  /** The 接诉即办 work order the matter came from (registrars only). */
  caseNumber?: string | undefined;
}

const field = (name: string, code: string, params?: Record<string, number>) => [{ path: `body.${name}`, code, ...(params ? { params } : {}) }];

/** The place of the matter: the given node, else the caller's own (a resident's grid). */
async function placeOf(ctx: CommandContext, nodeId: number | undefined) {
  const id = nodeId ?? ctx.actor?.grants.find((g) => g.role === 'resident')?.nodeId ?? ctx.actor?.grants[0]?.nodeId;
  const place = id === undefined ? undefined : await nodePlace(ctx.tx, id);
  if (!place) throw new Invalid('ref_not_found', field('nodeId', 'ref_not_found'));
  return place;
}

/** Who the petitioner is: the signed-in resident online, or the person a registrar names. */
async function petitionerOf(ctx: CommandContext, input: PetitionInput) {
  if (input.channel === 'online') {
    const user = await findUserById(ctx.tx, ctx.actor!.userId);
    return { petitionerUserId: ctx.actor!.userId, petitionerName: ctx.actor!.displayName || user?.displayName || '', petitionerPhone: input.petitioner?.phone || user?.phone || null };
  }
  const name = input.petitioner?.name?.trim();
  if (!name) throw new Invalid('petitions_petitioner_required', field('petitioner.name', 'petitions_petitioner_required'));
  return { petitionerUserId: null, petitionerName: name, petitionerPhone: input.petitioner?.phone?.trim() || null };
}

async function caseIdOf(ctx: CommandContext, caseNumber: string | undefined): Promise<number | null> {
  if (!caseNumber) return null;
  const [found] = await publicCaseSummaries(ctx.tx, { numbers: [caseNumber], limit: 1 });
  if (!found) throw new Invalid('ref_not_found', field('caseNumber', 'ref_not_found'));
  return found.id;
}

/** Receives a petition; returns the new row. */
export async function receivePetition(ctx: CommandContext, input: PetitionInput): Promise<PetitionRow> {
  const place = await placeOf(ctx, input.nodeId);
  const registrar = can(ctx.actor, Permission.PetitionsRegister, { path: place.path });
  // Letters, visits and calls are recorded by the registrars of the place; a case link
  // is theirs too (a resident could otherwise probe others' work-order numbers).
  if ((input.channel !== 'online' || input.caseNumber) && !registrar) throw new Forbidden();
  const visit = input.channel === 'visit';
  if (visit && (input.representatives ?? 1) > MAX_REPRESENTATIVES) {
    throw new Invalid('petitions_too_many_representatives', field('representatives', 'petitions_too_many_representatives', { max: MAX_REPRESENTATIVES }), { max: MAX_REPRESENTATIVES });
  }
  const row = await insertPetition(ctx.tx, {
    number: await nextPetitionNumber(ctx.tx, ctx.now),
    channel: input.channel,
    state: 'received',
    nodeId: place.id,
    nodePath: place.path,
    title: input.title,
    content: input.content,
    ...(await petitionerOf(ctx, input)),
    representatives: visit ? (input.representatives ?? 1) : null,
    caseId: await caseIdOf(ctx, input.caseNumber),
    recordedBy: ctx.actor?.userId ?? null,
    receivedAt: ctx.now,
    registerDueAt: registerDue(ctx.now, zoneOf(ctx)),
    clock: 'register',
    clockDueAt: registerDue(ctx.now, zoneOf(ctx)),
    updatedAt: ctx.now,
  });
  await insertPetitionEvent(ctx.tx, { petitionId: row.id, at: ctx.now, actorUserId: ctx.actor?.userId ?? null, actorLabel: ctx.actor?.displayName ?? 'system', event: 'receive', fromState: null, toState: 'received', note: null, public: true, data: { channel: input.channel } });
  // The contact stays out of the audit log (its readers are not all petition readers).
  await audit(ctx, { action: 'petition.receive', subjectType: 'petition', subjectId: row.id, changes: { number: row.number, channel: row.channel, nodeId: row.nodeId, representatives: row.representatives, caseId: row.caseId }, scopePath: row.nodePath });
  await notify(ctx, await registrarsOf(ctx.tx, row.nodePath), 'petition.received', row, { due: row.registerDueAt.toISOString() });
  return row;
}
