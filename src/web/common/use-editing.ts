import { useState } from 'react';

/** Which row a drawer edits: none (closed), 'new', or an existing row. */
export type Editing<T> = null | 'new' | T;

export function useEditing<T>() {
  const [editing, setEditing] = useState<Editing<T>>(null);
  return {
    editing,
    open: editing !== null,
    current: editing !== null && editing !== 'new' ? editing : null,
    create: () => setEditing('new'),
    edit: (row: T) => setEditing(row),
    close: () => setEditing(null),
  };
}
