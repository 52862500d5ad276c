/**
 * The questions asked before work is dropped, and what happens after: the lazy half of
 * `ask-store.ts` (its texts and its logic load with the first question).
 */
import { scenarioEventsOf } from '../share/state-document';
import { droppedChanges } from '../store/log-changes';
import { logOf } from '../store/log-state';
import {
  type Command,
  type DispatchResult,
  type LogState,
  useTenantStore,
} from '../store/tenant-store';
import { type Question, type Replacement, useAskStore } from './ask-store';

const plural = (n: number, one: string) =>
  `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** Put a question on screen; resolves with the answer. A newer question answers the older "no". */
export function ask(question: Omit<Question, 'answer'>): Promise<boolean> {
  return new Promise((resolve) => {
    useAskStore.getState().question?.answer(false);
    const asked: Question = {
      ...question,
      answer(yes) {
        if (useAskStore.getState().question === asked) useAskStore.setState({ question: null });
        resolve(yes);
      },
    };
    useAskStore.setState({ question: asked });
  });
}

interface Wording {
  readonly title: string;
  /** The confirming button, before "and drop N changes". */
  readonly confirm: string;
  /** Its effect, for the banner: "<done> dropped N changes." */
  readonly done: string;
  readonly undo: string;
}

const WORDING: Record<Replacement, Wording> = {
  reset: {
    title: 'Reset the scenario?',
    confirm: 'Reset',
    done: 'The reset',
    undo: 'Undo reset',
  },
  switch: {
    title: 'Open another scenario?',
    confirm: 'Open it',
    done: 'Opening another scenario',
    undo: 'Undo scenario switch',
  },
  link: {
    title: 'Open the shared link?',
    confirm: 'Open the link',
    done: 'Opening the shared link',
    undo: 'Undo opening the link',
  },
  import: {
    title: 'Import the file?',
    confirm: 'Import',
    done: 'The import',
    undo: 'Undo import',
  },
  tour: {
    title: 'Start the tour?',
    confirm: 'Start the tour',
    done: 'Starting the tour',
    undo: 'Undo tour start',
  },
  checkpoint: {
    title: 'Reset to the checkpoint?',
    confirm: 'Reset to it',
    done: 'Resetting to the checkpoint',
    undo: 'Undo checkpoint reset',
  },
  restore: {
    title: 'Bring back the dropped log?',
    confirm: 'Bring it back',
    done: 'Bringing back the dropped log',
    undo: 'Undo bringing back',
  },
};

/** The person kept their changes: say so, and that nothing changed. */
function kept(message: string): DispatchResult {
  useTenantStore.getState().showNotice('info', message);
  return { ok: false, reason: message };
}

export function askThenDispatch(command: Command): Promise<DispatchResult> {
  return askThenChange(() => useTenantStore.getState().dispatch(command));
}

/**
 * Make a change that drops the later events (the redo branch) once the person agrees; `change`
 * logs it (one event, or several through `dispatchAll`). Afterwards _Undo change_ brings the
 * dropped events back.
 */
export async function askThenChange(change: () => DispatchResult): Promise<DispatchResult> {
  const before = logOf(useTenantStore.getState());
  const later = before.events.length - before.cursor;
  const events = plural(later, 'later event');
  const yes = await ask({
    title: `Drop ${events}?`,
    message: `You are viewing an earlier moment, and ${events} come after it. A change here replaces them with itself. “Undo change”, in the banner that follows, brings them back.`,
    confirm: `Drop them and make the change`,
  });
  if (!yes) return kept(`Nothing changed: the ${events} are kept.`);
  const result = change();
  if (result.ok) {
    useAskStore.setState({
      replaced: {
        message: `The change dropped ${events}.`,
        undo: 'Undo change',
        log: before,
        after: useTenantStore.getState().events,
      },
    });
  }
  return result;
}

export async function askThenReplace(
  what: Replacement,
  replace: () => unknown,
  keptEvents?: readonly LogState['events'][number][],
): Promise<boolean> {
  const before = logOf(useTenantStore.getState());
  const dropped = droppedChanges(before.events, scenarioEventsOf(before), keptEvents);
  const wording = WORDING[what];
  const changes = plural(dropped, 'change');
  if (dropped > 0) {
    const yes = await ask({
      title: wording.title,
      message: `This drops ${changes} made since the scenario was set up (events after its own). “${wording.undo}”, in the banner that follows, brings ${dropped === 1 ? 'it' : 'them'} back; “Download the dropped log” saves ${dropped === 1 ? 'it' : 'them'} as a file.`,
      confirm: `${wording.confirm} and drop ${changes}`,
    });
    if (!yes) {
      kept(`Nothing changed: your ${changes} ${dropped === 1 ? 'is' : 'are'} kept.`);
      return false;
    }
  }
  await replace();
  const after = useTenantStore.getState();
  const replaced = after.genesis !== before.genesis || after.events !== before.events;
  if (!replaced) return true;
  if (dropped > 0) {
    useAskStore.setState({
      replaced: {
        message: `${wording.done} dropped ${changes}.`,
        undo: wording.undo,
        log: before,
        after: after.events,
      },
    });
  } else if (what === 'restore') {
    useAskStore.setState({ replaced: null });
  }
  return true;
}

/** The banner's undo: the replaced log comes back (asking first if that drops changes now). */
export async function restoreReplaced(): Promise<void> {
  const replaced = useAskStore.getState().replaced;
  if (replaced === null) return;
  const restored = await askThenReplace(
    'restore',
    () => useTenantStore.getState().replaceLog(replaced.log),
    replaced.after,
  );
  if (restored) {
    useTenantStore
      .getState()
      .showNotice(
        'info',
        `Brought back the log as it was: ${plural(replaced.log.events.length, 'event')}.`,
      );
  }
}
