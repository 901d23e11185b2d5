import { describe, expect, it } from 'vitest';
import { Conflict, Invalid, NotFound, type DomainError } from '../../platform/http/errors.js';
import { translateDbError } from './org.errors.js';

/** What node-postgres and PGlite throw, wrapped the way Drizzle wraps it. */
const wrapped = (cause: Record<string, unknown>) => Object.assign(new Error('Failed query'), { cause });

describe('database errors → domain errors', () => {
  it('names the taken code from the unique index', () => {
    const e = translateDbError(wrapped({ code: '23505', constraint: 'organizations_code_key' }));
    expect(e).toBeInstanceOf(Conflict);
    expect((e as DomainError).code).toBe('org_code_taken');
    expect((translateDbError(wrapped({ code: '23505', constraint: 'somewhere_else' })) as DomainError).code).toBe('conflict');
  });

  it('tells a deleted row still in use from a reference to a vanished row', () => {
    const inUse = translateDbError(wrapped({ code: '23503', message: 'update or delete on table "admin_nodes" violates foreign key constraint' }));
    expect(inUse).toBeInstanceOf(Conflict);
    const gone = translateDbError(wrapped({ code: '23503', message: 'insert or update on table "people" violates foreign key constraint' }));
    expect(gone).toBeInstanceOf(Invalid);
    expect((gone as DomainError).code).toBe('ref_not_found');
  });

  it('leaves domain errors and everything else alone', () => {
    const nf = new NotFound();
    expect(translateDbError(nf)).toBe(nf);
    const other = new Error('boom');
    expect(translateDbError(other)).toBe(other);
    const nul = wrapped({ code: '22021' });
    expect(translateDbError(nul)).toBe(nul);
  });
});
