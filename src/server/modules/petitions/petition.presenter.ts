/**
 * Rows → API shapes, by what the caller may see. Staff over the petition see the petitioner's
 * contact, the case it came from and the whole timeline; the petitioner sees their own
 * petition, its public timeline and only an approved extension (the reason they are told).
 */
import type { Actor } from '../../platform/access/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { unitNames } from '../org/org.exports.js';
import { isFinal } from './petition-clocks.js';
import { actionsFor, isPetitioner, petitionPolicy } from './petition.policy.js';
import { eventsOf, petitionById, reviewsOf, type PetitionRow } from './petitions.repo.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

interface Seen {
  actor: Actor | null;
  now: Date;
  units: ReadonlyMap<number, string>;
}

function listItem(r: PetitionRow, seen: Seen) {
  const staff = petitionPolicy.seeInternal(seen.actor, r);
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    state: r.state,
    title: r.title,
    nodeId: r.nodeId,
    handler: r.handlerOrgId === null ? null : { orgId: r.handlerOrgId, name: seen.units.get(r.handlerOrgId) ?? '' },
    receivedAt: r.receivedAt.toISOString(),
    clock: r.clock,
    clockDueAt: iso(r.clockDueAt),
    overdue: r.overdue,
    final: isFinal(r, seen.now),
    petitioner: staff || isPetitioner(seen.actor, r) ? { name: r.petitionerName, phone: r.petitionerPhone } : null,
  };
}

/** List items, with the handling units' names in one query. */
export async function presentList(ex: Executor, rows: readonly PetitionRow[], actor: Actor | null, now: Date) {
  const units = await unitNames(ex, rows.flatMap((r) => (r.handlerOrgId === null ? [] : [r.handlerOrgId])));
  return rows.map((r) => listItem(r, { actor, now, units }));
}

/** The earlier petition's number, if the caller may know it: staff, or the same petitioner's own. */
async function sameFactsNumber(ex: Executor, r: PetitionRow, staff: boolean): Promise<string | null> {
  if (r.sameFactsOfId === null) return null;
  const earlier = await petitionById(ex, r.sameFactsOfId);
  if (!earlier) return null;
  return staff || (earlier.petitionerUserId !== null && earlier.petitionerUserId === r.petitionerUserId) ? earlier.number : null;
}

/** One petition with its reviews, its timeline and the caller's actions. */
export async function presentPetition(ex: Executor, r: PetitionRow, actor: Actor | null, now: Date) {
  const staff = petitionPolicy.seeInternal(actor, r);
  const units = await unitNames(ex, r.handlerOrgId === null ? [] : [r.handlerOrgId]);
  const [reviews, events, sameFactsOf] = await Promise.all([reviewsOf(ex, r.id), eventsOf(ex, r.id, !staff), sameFactsNumber(ex, r, staff)]);
  const extensionShown = staff || r.extensionState === 'approved';
  return {
    ...listItem(r, { actor, now, units }),
    content: r.content,
    representatives: r.representatives,
    caseId: staff ? r.caseId : null,
    sameFactsOf,
    routeKind: r.routeKind,
    registerDueAt: r.registerDueAt.toISOString(),
    routedAt: iso(r.routedAt),
    objectionDueAt: iso(r.objectionDueAt),
    acceptedAt: iso(r.acceptedAt),
    concludeDueAt: iso(r.concludeDueAt),
    extension: extensionShown ? { state: r.extensionState, days: r.extensionDays, reason: r.extensionReason } : { state: 'none' as const, days: null, reason: null },
    opinion: r.opinion,
    opinionText: r.opinionText,
    concludedAt: iso(r.concludedAt),
    reviewWindowEndsAt: iso(r.reviewWindowEndsAt),
    refusalReason: r.refusalReason,
    refusalRedirect: r.refusalRedirect,
    reviews: reviews.map((v) => ({ level: v.level, requestText: v.requestText, requestedAt: v.requestedAt.toISOString(), answerDueAt: v.answerDueAt.toISOString(), outcome: v.outcome, answer: v.answer, answeredAt: iso(v.answeredAt) })),
    timeline: events.map((e) => ({ id: e.id, at: e.at.toISOString(), event: e.event, actor: staff ? e.actorLabel : '', fromState: e.fromState, toState: e.toState, note: e.note, public: e.public })),
    version: r.version,
    actions: actionsFor(actor, r, now),
  };
}
