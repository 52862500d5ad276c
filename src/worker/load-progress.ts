/**
 * How the work under way goes, for the progress bar: what runs (the bar's name), the stage and
 * its counts. Apart from the tenant store, so that progress (many updates a second) re-renders
 * only the bar; it belongs to the store's `loading` it was started for.
 */
import { create } from 'zustand';
import type { Loading } from '../store/tenant-store';
import type { Progress } from './core-client';

export interface LoadProgress {
  /** The load this progress is of (the tenant store's `loading`). */
  readonly loading: Loading | null;
  /** What runs: "Loading Globex Industries (large scenario)". */
  readonly label: string;
  readonly progress: Progress;
  /** The load opens the state saved in this browser (rather than a scenario afresh). */
  readonly restoring: boolean;
}

export const useLoadProgress = create<LoadProgress>()(() => ({
  loading: null,
  label: '',
  progress: { stage: 'Starting', done: 0, total: 0 },
  restoring: false,
}));

/** "Generating people 4,200 of 10,000", "Building the tenant: 40,000 of 80,994 events". */
export function progressText({ stage, done, total, unit }: Progress): string {
  if (total === 0) return stage;
  const count = (n: number) => n.toLocaleString('en-US');
  return `${stage} ${count(done)} of ${count(total)}${unit === undefined ? '' : ` ${unit}`}`;
}
