/**
 * The tour's own state: which step the person is on and whether the panel is open or was left.
 * Kept in localStorage so a left tour can be resumed after a reload; anything unreadable there
 * (an old version, a hand edit, storage switched off) counts as no tour at all.
 * Only the step is kept: whether a step is done is always read from the log.
 */
import { isTourStepNumber, type TourStepNumber } from './tour-ids';

export const TOUR_STORAGE_KEY = 'klc.tour.v1';

export interface TourProgress {
  readonly step: TourStepNumber;
  /** `open`: the panel shows the step; `left`: it offers to resume. */
  readonly mode: 'open' | 'left';
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readSavedProgress(): TourProgress | null {
  try {
    const raw = storage()?.getItem(TOUR_STORAGE_KEY);
    if (raw == null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { step, mode } = parsed as Record<string, unknown>;
    if (!isTourStepNumber(step) || (mode !== 'open' && mode !== 'left')) return null;
    return { step, mode };
  } catch {
    return null;
  }
}

/** Saves the progress, or forgets it (null). Storage that refuses is not an error: the tour goes on. */
export function saveProgress(progress: TourProgress | null): void {
  try {
    const store = storage();
    if (progress === null) store?.removeItem(TOUR_STORAGE_KEY);
    else store?.setItem(TOUR_STORAGE_KEY, JSON.stringify(progress));
  } catch {
    // Full or disabled storage: the tour works for this visit only.
  }
}
