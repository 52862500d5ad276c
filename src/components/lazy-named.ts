import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

// React's own bound for lazy components (LazyExoticComponent<T extends ComponentType<any>>).
// biome-ignore lint/suspicious/noExplicitAny: props of any shape, as React types lazy itself.
type AnyComponent = ComponentType<any>;

/**
 * `React.lazy` for a named export: `lazyNamed(() => import('./share-panel'), 'ShareDialog')`.
 * The `import()` stays at the call site, so the bundler still sees (and splits) it there.
 */
export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
