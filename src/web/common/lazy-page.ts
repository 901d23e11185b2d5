import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on first visit (its own chunk), from a module's named export: the pages use
 * named exports only, and React.lazy wants a default one.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
