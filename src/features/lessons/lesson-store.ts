/**
 * The lesson docked beside the matrix on the Lifecycle view: the guided tour or a round of
 * predict-then-reveal, one at a time, wherever it was started from. Small and in the initial
 * chunk (the Lifecycle view asks it whether to dock anything); the lessons themselves are lazy.
 * The tour's step and whether it is open or left are kept in this browser (tour-storage.ts), so
 * a reload resumes it; a prediction is a classroom exercise and lives in memory only.
 */
import { create } from 'zustand';
import type { TourStepNumber } from '../tour/tour-ids';
import { readSavedProgress, saveProgress, type TourProgress } from '../tour/tour-storage';

export type LessonId = 'tour' | 'predict';

export interface LessonStore {
  readonly tour: TourProgress | null;
  /** A predict-then-reveal exercise is docked. */
  readonly predicting: boolean;
  /** Set when a lesson is opened by a button: its dock takes focus once drawn, then clears it. */
  readonly focusPending: boolean;
  /** Open the tour at `step` (a prediction gives way to it). */
  openTour(step: TourStepNumber, focus?: boolean): void;
  /** Fold the tour: it can be resumed at the same step from the Training view. */
  leaveTour(): void;
  /** Dock the exercise (an open tour is left, and can be resumed). */
  openPrediction(focus?: boolean): void;
  closePrediction(): void;
  focusTaken(): void;
}

/** The saved tour, if it can be read; anything else stored there is cleared. */
function savedTour(): TourProgress | null {
  const saved = readSavedProgress();
  if (saved === null) saveProgress(null);
  return saved;
}

export const useLessonStore = create<LessonStore>()((set, get) => ({
  tour: savedTour(),
  predicting: false,
  focusPending: false,
  openTour(step, focus = true) {
    set({ tour: { step, mode: 'open' }, predicting: false, focusPending: focus });
  },
  leaveTour() {
    const { tour } = get();
    if (tour !== null) set({ tour: { step: tour.step, mode: 'left' } });
  },
  openPrediction(focus = true) {
    const { tour } = get();
    set({
      predicting: true,
      focusPending: focus,
      tour: tour === null ? null : { step: tour.step, mode: 'left' },
    });
  },
  closePrediction() {
    set({ predicting: false });
  },
  focusTaken() {
    if (get().focusPending) set({ focusPending: false });
  },
}));

useLessonStore.subscribe((state, previous) => {
  if (state.tour !== previous.tour) saveProgress(state.tour);
});

/** The lesson the Lifecycle view docks, if any. */
export function dockedLesson(state: Pick<LessonStore, 'tour' | 'predicting'>): LessonId | null {
  if (state.tour?.mode === 'open') return 'tour';
  return state.predicting ? 'predict' : null;
}

export function useDockedLesson(): LessonId | null {
  return useLessonStore(dockedLesson);
}
