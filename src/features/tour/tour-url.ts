import { useLessonStore } from '../lessons/lesson-store';
import { TOUR_ID } from './tour-ids';
import { isKnownTour, readTourParam, removeTourParam } from './tour-storage';

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
