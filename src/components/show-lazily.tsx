import { type ReactNode, Suspense } from 'react';

/**
 * A lazily loaded piece of the page, mounted only while `when` holds; nothing stands in for it
 * while its chunk arrives (they are fetched while idle, so that is rarely seen).
 */
export function ShowLazily({ when, children }: { when: boolean; children: ReactNode }) {
  return when ? <Suspense fallback={null}>{children}</Suspense> : null;
}
