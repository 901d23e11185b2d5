/**
 * Field schemas every API shares: trimmed single-line texts and notes that refuse control
 * characters (PostgreSQL rejects NUL bytes, which would otherwise surface as a 500),
 * codes, phone numbers, ids, paging, flags and list pages.
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const SINGLE_LINE = /^[^\u0000-\u001f\u007f]*$/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** A required single-line text of at most `max` characters. */
export const line = (max: number) => z.string().trim().min(1).max(max).regex(SINGLE_LINE);
/** An optional free text (notes), newlines allowed. */
export const note = z.string().trim().max(1000).regex(MULTI_LINE).nullable();
/** Codes travel between databases in spreadsheets: letters, digits and `_ . -`. */
export const code = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z_.-]{0,39}$/);
/** Office or mobile numbers as people write them (010-12345678, +86 138…); '' means none. */
export const phone = z
  .string()
  .trim()
  .regex(/^(\+?[0-9][0-9 ()-]{2,29})?$/);
export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdParams = z.object({ id: Id });
export const search = z.string().trim().max(100).regex(SINGLE_LINE).optional();

export const Paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

/** A `true`/`false` query flag (documented as that enum, so generated clients offer both). */
export const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const Actions = z.array(z.string());

/** A list page: `{ items, total }`. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });
