/**
 * Reading petitions: one by id (404 to whoever may not see it — "not found or no access" is
 * never told apart), and the list of the caller's scope (petitions.read over any place a
 * petition concerns) plus their own. A resident has no scope: they see their own only.
 */
import type { Actor } from '../../platform/access/actor.js';
import { scopeOf } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import type { Executor } from '../../platform/db/database.js';
import { NotFound } from '../../platform/http/errors.js';
import { petitionPolicy } from './petition.policy.js';
import { presentList, presentPetition } from './petition.presenter.js';
import { listPetitions, petitionById, visibleTo } from './petitions.repo.js';
import type { PetitionState } from './petitions.tables.js';

export async function petitionView(ex: Executor, actor: Actor | null, id: number, now: Date) {
  const row = await petitionById(ex, id);
  if (!row || !petitionPolicy.view(actor, row)) throw new NotFound();
  return presentPetition(ex, row, actor, now);
}

export interface PetitionListQuery {
  state?: PetitionState | undefined;
  overdue?: 'true' | 'false' | undefined;
  mine: boolean;
  limit: number;
  offset: number;
}

export async function petitionList(ex: Executor, actor: Actor | null, q: PetitionListQuery, now: Date) {
  const userId = actor?.userId ?? null;
  const visible = visibleTo(q.mine ? [] : scopeOf(actor, Permission.PetitionsRead), userId);
  const { items, total } = await listPetitions(ex, { visible, state: q.state, overdue: q.overdue === undefined ? undefined : q.overdue === 'true', limit: q.limit, offset: q.offset });
  return { items: await presentList(ex, items, actor, now), total };
}
