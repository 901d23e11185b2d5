/**
 * Adding a photo to a case: the reporter's at intake, the handler's as evidence. The
 * type is sniffed from the bytes, the size and count capped, and a copy without
 * metadata (location above all) is what anyone but staff ever receives.
 */
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, DomainError, Forbidden, NotFound } from '../../../platform/http/errors.js';
import { casePolicy, isHandler, isReporter } from '../case.policy.js';
import { caseForUpdate, insertPhoto, photosOf, type PhotoMeta } from '../case.repo.js';
import { isOpen } from '../case.workflow.js';
import { callerOf } from '../commands/transition.js';
import { checkPhoto, MAX_PHOTOS_PER_CASE } from './photo-check.js';
import { stripMetadata } from './strip-metadata.js';

/** A refused file: 415 for a type we do not take, 413 for size, 422 for a broken file. */
const STATUS: Record<string, number> = { photo_type_not_allowed: 415, photo_too_large: 413, photo_empty: 422, photo_corrupt: 422 };

export async function photoAdder(ctx: CommandContext, props: { caseId: number; bytes: Buffer }): Promise<PhotoMeta> {
  const row = await caseForUpdate(ctx.tx, props.caseId);
  const who = callerOf(ctx);
  if (!row || !casePolicy.view(who, row)) throw new NotFound();
  const stage = isHandler(who, row) ? 'evidence' : isReporter(who, row) ? 'intake' : null;
  if (!stage || !isOpen(row.state)) throw new Forbidden();
  if ((await photosOf(ctx.tx, row.id)).length >= MAX_PHOTOS_PER_CASE) throw new Conflict('photo_limit', { max: MAX_PHOTOS_PER_CASE });
  const check = checkPhoto(props.bytes);
  if (!check.ok) throw new DomainError(STATUS[check.code] ?? 422, check.code);
  const stripped = stripMetadata(props.bytes, check.mime);
  const photo = await insertPhoto(ctx.tx, { caseId: row.id, stage, mime: check.mime, size: stripped.length, original: props.bytes, stripped, createdAt: ctx.now });
  await audit(ctx, { action: 'case.photo.add', subjectType: 'case', subjectId: row.id, changes: { number: row.number, photoId: photo.id, stage, mime: check.mime, size: props.bytes.length }, scopePath: row.areaPath });
  return photo;
}
