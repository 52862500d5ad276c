import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copy text to the clipboard, remembering whether the browser allowed it. */
export function useClipboard() {
  const [state, setState] = useState<CopyState>('idle');
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return { state, copy };
}

/**
 * Announces the outcome of a copy. `what` names the thing ("Secret"), `by hand` what to select
 * when the browser refuses ("the secret").
 */
export function CopyStatus({
  state,
  what,
  byHand,
  className = 'text-sm',
}: {
  state: CopyState;
  what: string;
  byHand: string;
  className?: string;
}) {
  return (
    <p role="status" className={className}>
      {state === 'copied'
        ? `${what} copied to the clipboard.`
        : state === 'failed'
          ? `The browser refused the clipboard; select ${byHand} and copy it by hand.`
          : ''}
    </p>
  );
}
