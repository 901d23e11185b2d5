import { useEffect, useState } from 'react';

/**
 * The value as it was `ms` after it last changed (typing pauses): for look-ups as the user
 * types. Compared with Object.is, so pass a string or a number, not a new object each render.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
