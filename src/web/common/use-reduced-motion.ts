/**
 * Whether the user asked the system for less motion (`prefers-reduced-motion: reduce`,
 * WCAG 2.3.3): antd's opening and closing animations are then turned off. Follows the
 * setting live, so changing it needs no reload.
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const prefersReduced = (): boolean => window.matchMedia(QUERY).matches;

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReduced, () => false);
}
