/**
 * What the shell needs to know of the tour before its chunk is loaded: its id, its length and
 * what a step number is. The script itself (tour-steps.ts) is loaded with the tour.
 */

/** `?tour=jane-tino`: the only tour there is, named after the scenario it runs on. */
export const TOUR_ID = 'jane-tino';

export type TourStepNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const TOUR_LENGTH = 6;

export function isTourStepNumber(value: unknown): value is TourStepNumber {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= TOUR_LENGTH;
}
