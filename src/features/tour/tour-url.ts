import { useLessonStore } from '../lessons/lesson-store';
import { TOUR_ID } from './tour-ids';

const TOUR_PARAM = 'tour';

/** `?tour=…` as the page was opened, or null. */
function readTourParam(): string | null {
  return new URLSearchParams(window.location.search).get(TOUR_PARAM);
}

/**
 * Drop `?tour=` once read, so that a reload resumes the tour instead of starting it again
 * (the scenario parameter, kept in step by the app, stays).
 */
function removeTourParam(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(TOUR_PARAM)) return;
  url.searchParams.delete(TOUR_PARAM);
  window.history.replaceState(window.history.state, '', url);
}

function isKnownTour(id: string): boolean {
  return id === TOUR_ID;
}

/**
 * `?tour=jane-tino` opens the tour at step 1 on a fresh Jane Tino; the parameter is then taken
 * out of the address, so a reload resumes the tour rather than starting it again. Any other
 * value goes to `report`.
 */
export function initialiseTourFromUrl(report: (problem: string) => void): void {
  const requested = readTourParam();
  if (requested === null) return;
  removeTourParam();
  if (!isKnownTour(requested)) {
    report(`There is no tour "${requested}"; the guided tour is "${TOUR_ID}".`);
    return;
  }
  useLessonStore.getState().openTour(1, false);
  void import('./start-tour').then((module) => module.startTour());
}
