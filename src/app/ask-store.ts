/**
 * Nothing is lost without the person's say. A change that drops later events, a reset, another
 * scenario, a link or an import over changes: each asks first, in a dialog on the page (never a
 * native `confirm`, which automated runs dismiss), saying how many changes go; what was dropped
 * can be brought back afterwards. The questions and their texts load lazily (`./asking`): a click
 * that drops nothing dispatches at once.
 */
import { create } from 'zustand';
import {
  type Command,
  type DispatchResult,
  type LogState,
  useTenantStore,
} from '../store/tenant-store';

/** A question on screen: its dialog calls `answer` once. */
export interface Question {
  readonly title: string;
  readonly message: string;
  readonly confirm: string;
  answer(yes: boolean): void;
}

/** A log that was replaced with changes in it, while it can be brought back. */
export interface Replaced {
  /** What dropped it, as the banner says it: "The reset dropped 4 changes." */
  readonly message: string;
  /** The button that brings it back: "Undo reset". */
  readonly undo: string;
  readonly log: LogState;
  /** The events just after it was replaced: bringing it back asks only about changes since. */
  readonly after: LogState['events'];
}

export const useAskStore = create<{
  readonly question: Question | null;
  readonly replaced: Replaced | null;
}>()(() => ({ question: null, replaced: null }));

/** What replaces the log; each has its own question and its own undo. */
export type Replacement =
  | 'reset'
  | 'switch'
  | 'link'
  | 'import'
  | 'tour'
  | 'checkpoint'
  | 'restore';

const asking = () => import('./asking');

/**
 * `dispatch`, unless the change would drop more than one later event (the redo branch): then
 * only once the person agrees, and what was dropped stays recoverable.
 */
export async function dispatchAsking(command: Command): Promise<DispatchResult> {
  const { events, cursor, dispatch } = useTenantStore.getState();
  if (events.length - cursor < 2) return dispatch(command);
  return (await asking()).askThenDispatch(command);
}

/**
 * Run `replace` (which replaces the log), asking first when it would drop changes; resolves to
 * whether it ran. Afterwards the replaced log can be brought back or downloaded.
 */
export async function replaceAsking(
  what: Replacement,
  replace: () => unknown,
  kept?: LogState['events'],
): Promise<boolean> {
  return (await asking()).askThenReplace(what, replace, kept);
}
