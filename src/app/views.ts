/**
 * The console's views, as data: the navigation, the `?view=` parser's ids, the outlet and the
 * prefetching all read this one list (after shadcn-admin's sidebar data). Lifecycle is in the
 * initial chunk; every other view is its own chunk, fetched while the browser is idle after the
 * first paint so that switching never waits.
 */
import type { ComponentType } from 'react';
import { LifecycleView } from '../features/lifecycle/lifecycle-view';
import type { ViewId } from '../navigation/view-param';

export interface ViewEntry {
  readonly id: ViewId;
  /** The link's text and the view's level-2 heading. */
  readonly label: string;
  /** One line under the heading: what the view is for. */
  readonly summary: string;
  /** The view itself: at hand (Lifecycle) or its chunk's loader. */
  readonly component:
    | { readonly kind: 'static'; readonly View: ComponentType }
    | { readonly kind: 'lazy'; readonly load: () => Promise<ComponentType> };
}

export const VIEWS: readonly ViewEntry[] = [
  {
    id: 'lifecycle',
    label: 'Lifecycle',
    summary: 'Change an account’s status and watch every key’s verdict, now and in each stage.',
    component: { kind: 'static', View: LifecycleView },
  },
  {
    id: 'keys',
    label: 'Keys',
    summary: 'Every API key: scope, creator, reach and live verdict; create or delete keys.',
    component: {
      kind: 'lazy',
      load: () => import('../features/keys/keys-view').then((module) => module.KeysView),
    },
  },
  {
    id: 'api',
    label: 'API',
    summary: 'What each key may call (200, 401 or 403), and a console for the simulated API.',
    component: {
      kind: 'lazy',
      load: () => import('../features/api-view/api-view').then((module) => module.ApiView),
    },
  },
  {
    id: 'timeline',
    label: 'Timeline',
    summary: 'Every event of the log; undo, redo and travel to any earlier moment.',
    component: {
      kind: 'lazy',
      load: () =>
        import('../features/timeline/timeline-view').then((module) => module.TimelineView),
    },
  },
  {
    id: 'training',
    label: 'Training',
    summary: 'The guided tour, predict-then-reveal rounds, the scenarios and presenter mode.',
    component: {
      kind: 'lazy',
      load: () =>
        import('../features/training/training-view').then((module) => module.TrainingView),
    },
  },
  {
    id: 'credentials',
    label: 'Credentials',
    summary: 'Every credential: where it lives, who may use it, what it holds and what uses it.',
    component: {
      kind: 'lazy',
      load: () =>
        import('../features/credentials/credentials-view').then((module) => module.CredentialsView),
    },
  },
  {
    id: 'stories',
    label: 'Stories',
    summary: 'Every story, the credentials its actions use and its last run; run one or all.',
    component: {
      kind: 'lazy',
      load: () => import('../features/stories/stories-view').then((module) => module.StoriesView),
    },
  },
  {
    id: 'offboarding',
    label: 'Offboarding',
    summary:
      'Pick who leaves: what would break, the fixes that depend on no person, then the change.',
    component: {
      kind: 'lazy',
      load: () =>
        import('../features/offboarding/offboarding-view').then((module) => module.OffboardingView),
    },
  },
];

export function viewEntry(id: ViewId): ViewEntry {
  const entry = VIEWS.find((view) => view.id === id);
  if (entry === undefined) throw new Error(`No view "${id}" in VIEWS`);
  return entry;
}
