/**
 * The signed-in account, handed down by the route guard. Pages read it from here rather than
 * from the query cache, so that on sign-out (cache cleared) they are unmounted by the guard
 * instead of rendering once more without an account.
 */
import { createContext, useContext } from 'react';
import type { Me } from '../api/types.js';

export const MeContext = createContext<Me | null>(null);

/** The signed-in account; only inside `RequireSignedIn`. */
export function useSignedInMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useSignedInMe outside RequireSignedIn');
  return me;
}
