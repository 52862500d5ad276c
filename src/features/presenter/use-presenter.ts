/**
 * Presenter mode: larger type, secrets hidden, a checkpoint to return to between two demos, and
 * the live verdicts hidden while a prediction is pending. In memory only: a reload leaves it, so
 * a screen is never stuck in it.
 */
import { create } from 'zustand';
import type { LogState } from '../../store/tenant-store';

export interface Checkpoint {
  readonly log: LogState;
  /** The cursor when it was saved: "the checkpoint saved at event N". */
  readonly atEvent: number;
}

export interface PresenterStore {
  readonly enabled: boolean;
  readonly hideLiveVerdicts: boolean;
  readonly checkpoint: Checkpoint | null;
  /**
   * A prediction round is open and not revealed (from _Start predicting_, a person picked or
   * not), written by the prediction's store.
   */
  readonly roundOpen: boolean;
  setEnabled(enabled: boolean): void;
  setHideLiveVerdicts(hide: boolean): void;
  saveCheckpoint(log: LogState): void;
}

export const usePresenter = create<PresenterStore>()((set) => ({
  enabled: false,
  hideLiveVerdicts: false,
  checkpoint: null,
  roundOpen: false,
  setEnabled(enabled) {
    set({ enabled });
  },
  setHideLiveVerdicts(hideLiveVerdicts) {
    set({ hideLiveVerdicts });
  },
  saveCheckpoint(log) {
    set({ checkpoint: { log, atEvent: log.cursor } });
  },
}));

/** What a hidden secret shows instead. */
export const SECRET_HIDDEN = 'hidden in presenter mode';
/** What a hidden live verdict shows instead. */
export const VERDICT_HIDDEN = 'hidden until reveal';

/** Secrets are not shown on a presenter's screen. */
export function useSecretsHidden(): boolean {
  return usePresenter((s) => s.enabled);
}

/** Every verdict is hidden: presenter mode asks so and a prediction round is open. */
export function useLiveVerdictsHidden(): boolean {
  return usePresenter((s) => s.enabled && s.hideLiveVerdicts && s.roundOpen);
}
