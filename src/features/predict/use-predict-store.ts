/**
 * The predict-then-reveal round and the running score. Kept in memory only (a reload starts
 * a new score): it is a classroom exercise, not part of the tenant's log. Its own store rather
 * than component state, because presenter mode hides the live verdicts while a round is open.
 */
import { create } from 'zustand';
import type { AccountId, KeyId } from '../../core/model';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { useLessonStore } from '../lessons/lesson-store';
import { usePresenter } from '../presenter/use-presenter';
import type { MarkedGuess, PredictChange } from './predict-round';

export interface Score {
  readonly right: number;
  readonly total: number;
  readonly rounds: number;
}

const NO_SCORE: Score = { right: 0, total: 0, rounds: 0 };

function addRound(score: Score, marked: readonly MarkedGuess[]): Score {
  return {
    right: score.right + marked.filter((guess) => guess.right).length,
    total: score.total + marked.length,
    rounds: score.rounds + 1,
  };
}

export interface RevealedRound {
  readonly number: number;
  readonly personName: string;
  readonly change: PredictChange;
  readonly marked: readonly MarkedGuess[];
}

export interface PredictStore {
  /** The person the round is about ('' until one is picked). */
  readonly accountId: AccountId;
  readonly change: PredictChange | null;
  /** Keys the trainee expects to answer 401 after the change. */
  readonly guesses: ReadonlySet<KeyId>;
  /** Set by Reveal; the round is open (a prediction is pending) until then. */
  readonly revealed: RevealedRound | null;
  readonly score: Score;
  choosePerson(accountId: AccountId, change: PredictChange | null): void;
  chooseChange(change: PredictChange): void;
  setGuess(keyId: KeyId, expects401: boolean): void;
  reveal(round: Omit<RevealedRound, 'number'>): void;
  nextRound(): void;
  /** Forget the score too (tests; a new class). */
  resetScore(): void;
}

const EMPTY_ROUND = {
  accountId: '',
  change: null,
  guesses: new Set<KeyId>(),
  revealed: null,
} as const;

export const usePredictStore = create<PredictStore>()((set) => ({
  ...EMPTY_ROUND,
  score: NO_SCORE,
  choosePerson(accountId, change) {
    set({ accountId, change, guesses: new Set() });
  },
  chooseChange(change) {
    set({ change });
  },
  setGuess(keyId, expects401) {
    set((state) => {
      const guesses = new Set(state.guesses);
      if (expects401) guesses.add(keyId);
      else guesses.delete(keyId);
      return { guesses };
    });
  },
  reveal(round) {
    set((state) => ({
      revealed: { ...round, number: state.score.rounds + 1 },
      score: addRound(state.score, round.marked),
    }));
  },
  nextRound() {
    set(EMPTY_ROUND);
  },
  resetScore() {
    set({ ...EMPTY_ROUND, score: NO_SCORE });
  },
}));

// Account ids are positions in a log: in another scenario the same id is someone else. A new
// scenario starts a new round (the score stays: it is the trainee's, not the tenant's).
useTenantStore.subscribe((state, previous) => {
  if (state.genesis !== previous.genesis) usePredictStore.getState().nextRound();
});

/** The person of the pending prediction ('' for none): picked and not yet revealed. */
function pendingAccount(state: PredictStore): AccountId {
  return state.revealed === null ? state.accountId : '';
}

/**
 * A round is open from _Start predicting_ (the lesson docked) or a person picked, until Reveal:
 * presenter mode hides every verdict meanwhile, so that the what-if columns do not answer before
 * the class has guessed.
 */
function roundOpen(): boolean {
  const { revealed, accountId } = usePredictStore.getState();
  return revealed === null && (accountId !== '' || useLessonStore.getState().predicting);
}

// Presenter mode reads it from its own store, so that hiding the verdicts does not put this
// store (and the exercise) in the initial chunk.
function tellPresenter(): void {
  const open = roundOpen();
  if (usePresenter.getState().roundOpen !== open) usePresenter.setState({ roundOpen: open });
}
usePredictStore.subscribe(tellPresenter);
useLessonStore.subscribe(tellPresenter);
tellPresenter();

/** A prediction is pending: a person is picked (and still in the tenant) and not yet revealed. */
export function usePredictionOpen(): boolean {
  const accountId = usePredictStore(pendingAccount);
  return useTenantStore((s) => accountId !== '' && selectTenant(s).accounts.has(accountId));
}
