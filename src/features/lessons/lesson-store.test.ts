import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TOUR_STORAGE_KEY } from '../tour/tour-storage';
import { dockedLesson, useLessonStore } from './lesson-store';

function saved(): unknown {
  const raw = window.localStorage.getItem(TOUR_STORAGE_KEY);
  return raw === null ? null : JSON.parse(raw);
}

/** The store as a reload builds it: a fresh module reading this browser's storage. */
async function reloaded() {
  vi.resetModules();
  const module = await import('./lesson-store');
  return module.useLessonStore.getState();
}

describe('lesson store', () => {
  beforeEach(() => {
    useLessonStore.setState({ tour: null, predicting: false, focusPending: false });
    window.localStorage.clear();
  });

  it('docks nothing until a lesson is opened', () => {
    expect(dockedLesson(useLessonStore.getState())).toBeNull();
  });

  it('opens the tour at a step, asks for focus by default, and keeps the step in this browser', () => {
    useLessonStore.getState().openTour(3);
    const state = useLessonStore.getState();
    expect(state.tour).toEqual({ step: 3, mode: 'open' });
    expect(state.focusPending).toBe(true);
    expect(dockedLesson(state)).toBe('tour');
    expect(saved()).toEqual({ step: 3, mode: 'open' });
  });

  it('opens the tour without asking for focus when told so (a ?tour= link)', () => {
    useLessonStore.getState().openTour(1, false);
    expect(useLessonStore.getState().focusPending).toBe(false);
  });

  it('keeps the step when the tour is left, and docks nothing then', () => {
    useLessonStore.getState().openTour(2);
    useLessonStore.getState().leaveTour();
    const state = useLessonStore.getState();
    expect(state.tour).toEqual({ step: 2, mode: 'left' });
    expect(dockedLesson(state)).toBeNull();
    expect(saved()).toEqual({ step: 2, mode: 'left' });
  });

  it('does nothing on leave when no tour was started', () => {
    useLessonStore.getState().leaveTour();
    expect(useLessonStore.getState().tour).toBeNull();
    expect(saved()).toBeNull();
  });

  it('runs one lesson at a time: a prediction leaves an open tour, which keeps its step', () => {
    useLessonStore.getState().openTour(4);
    useLessonStore.getState().focusTaken();
    useLessonStore.getState().openPrediction();
    const state = useLessonStore.getState();
    expect(state.predicting).toBe(true);
    expect(state.focusPending).toBe(true);
    expect(state.tour).toEqual({ step: 4, mode: 'left' });
    expect(dockedLesson(state)).toBe('predict');
    expect(saved()).toEqual({ step: 4, mode: 'left' });
  });

  it('runs one lesson at a time: opening the tour ends the prediction', () => {
    useLessonStore.getState().openPrediction();
    useLessonStore.getState().openTour(1);
    const state = useLessonStore.getState();
    expect(state.predicting).toBe(false);
    expect(dockedLesson(state)).toBe('tour');
  });

  it('docks the tour rather than a prediction if both are set', () => {
    expect(dockedLesson({ tour: { step: 1, mode: 'open' }, predicting: true })).toBe('tour');
    expect(dockedLesson({ tour: { step: 1, mode: 'left' }, predicting: true })).toBe('predict');
  });

  it('closes a prediction without touching a left tour', () => {
    useLessonStore.getState().openTour(5);
    useLessonStore.getState().openPrediction();
    useLessonStore.getState().closePrediction();
    const state = useLessonStore.getState();
    expect(state.predicting).toBe(false);
    expect(state.tour).toEqual({ step: 5, mode: 'left' });
    expect(dockedLesson(state)).toBeNull();
  });

  it('clears the focus request once a dock has taken it', () => {
    useLessonStore.getState().openPrediction(true);
    useLessonStore.getState().focusTaken();
    expect(useLessonStore.getState().focusPending).toBe(false);
  });

  it('keeps a prediction in memory only', () => {
    useLessonStore.getState().openPrediction();
    expect(saved()).toBeNull();
  });

  it('forgets the saved progress when the tour is reset to none', () => {
    useLessonStore.getState().openTour(2);
    useLessonStore.setState({ tour: null });
    expect(saved()).toBeNull();
  });

  it('resumes the saved step after a reload, open or left as it was', async () => {
    useLessonStore.getState().openTour(2);
    useLessonStore.getState().leaveTour();
    expect((await reloaded()).tour).toEqual({ step: 2, mode: 'left' });

    window.localStorage.setItem(TOUR_STORAGE_KEY, JSON.stringify({ step: 6, mode: 'open' }));
    const open = await reloaded();
    expect(open.tour).toEqual({ step: 6, mode: 'open' });
    expect(open.predicting).toBe(false);
    expect(open.focusPending).toBe(false);
  });

  it.each([
    ['not JSON', '{step'],
    ['a step out of range', '{"step":7,"mode":"open"}'],
    ['step 0', '{"step":0,"mode":"left"}'],
    ['a fractional step', '{"step":1.5,"mode":"open"}'],
    ['a step as text', '{"step":"2","mode":"open"}'],
    ['an unknown mode', '{"step":2,"mode":"hidden"}'],
    ['a string', '"open"'],
    ['null', 'null'],
    ['an array', '[2,"open"]'],
  ])(
    'starts with no tour after a reload when the saved progress is %s, and clears it',
    async (_, raw) => {
      window.localStorage.setItem(TOUR_STORAGE_KEY, raw);
      expect((await reloaded()).tour).toBeNull();
      expect(window.localStorage.getItem(TOUR_STORAGE_KEY)).toBeNull();
    },
  );

  it('starts with no tour when storage is blocked, and the tour still runs', async () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      const fresh = await reloaded();
      expect(fresh.tour).toBeNull();
      expect(() => useLessonStore.getState().openTour(2)).not.toThrow();
      expect(useLessonStore.getState().tour).toEqual({ step: 2, mode: 'open' });
    } finally {
      getItem.mockRestore();
      setItem.mockRestore();
    }
  });
});
