import { useAskStore } from '../app/ask-store';

/**
 * For tests that open links or files over changes without a page: every question the console
 * asks before dropping work gets `yes` (or no) as soon as it is asked. Returns the unsubscribe.
 */
export function answerEveryQuestion(yes: boolean): () => void {
  return useAskStore.subscribe((state) => state.question?.answer(yes));
}
