/**
 * An audit entry's `changes`, as "field: before → after" lines. The server records field
 * diffs as `[before, after]` pairs (diffFields); anything else is shown as its JSON.
 */
import { Typography } from 'antd';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.length === 0 ? '[]' : value.join('、');
  return JSON.stringify(value);
}

function isPair(value: unknown): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2;
}

export interface ChangeLine {
  field: string;
  before?: string;
  after: string;
}

export function changeLines(changes: unknown): ChangeLine[] {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) return changes === null || changes === undefined ? [] : [{ field: '', after: show(changes) }];
  return Object.entries(changes).map(([field, value]) => (isPair(value) ? { field, before: show(value[0]), after: show(value[1]) } : { field, after: show(value) }));
}

export function ChangesView({ changes }: { changes: unknown }) {
  const lines = changeLines(changes);
  if (lines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className="gz-changes">
      {lines.map((l) => (
        <div key={l.field} className="gz-changes__line">
          {l.field ? <span className="gz-changes__field">{l.field}</span> : null}
          {l.before !== undefined ? (
            <>
              <span className="gz-changes__before">{l.before}</span>
              <span className="gz-changes__arrow">→</span>
            </>
          ) : null}
          <span className={l.before !== undefined ? 'gz-changes__after' : 'gz-changes__value'}>{l.after}</span>
        </div>
      ))}
    </div>
  );
}
