/** Values read back from a page's address (URL query): anything malformed reads as absent. */

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A positive whole number (an id, a page), or undefined. */
export function positiveInt(v: string | null): number | undefined {
  if (v === null || !/^\d{1,15}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/** A `YYYY-MM-DD` date, or undefined. */
export function day(v: string | null): string | undefined {
  return v !== null && DAY.test(v) ? v : undefined;
}
