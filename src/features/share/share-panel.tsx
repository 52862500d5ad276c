import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { downloadText } from '../../components/download-file';
import { inputClass } from '../../components/form-parts';
import { ProgressBar } from '../../components/progress-bar';
import { LIMITS } from '../../core/document/document';
import { useViewStore } from '../../navigation/view-store';
import { LONG_LINK_CHARS } from '../../share/link-codec';
import {
  exportFileName,
  exportText,
  type ImportJob,
  shareLinkOf,
  startImport,
} from '../../share/open-state';
import { problemLines } from '../../share/state-document';
import { logOf } from '../../store/log-state';
import { type LogState, useTenantStore } from '../../store/tenant-store';
import type { Progress } from '../../worker/core-client';
import { progressText } from '../../worker/load-progress';

const count = (n: number) => n.toLocaleString('en-US');

function currentLog(): LogState {
  return logOf(useTenantStore.getState());
}

type Copy = 'copying' | 'copied' | 'failed' | 'held';

interface MadeLink {
  readonly url: string;
  readonly copy: Copy;
}

async function copyText(url: string): Promise<Copy> {
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'failed';
  }
}

/** The link just made: a read-only textbox (the clipboard may be refused), and the warning. */
function LinkDetails({ made, onCopyAnyway }: { made: MadeLink; onCopyAnyway: () => void }) {
  const linkId = useId();
  return (
    <>
      <label htmlFor={linkId} className="flex flex-col gap-1 text-sm">
        Link to this state ({count(made.url.length)} characters)
        <input
          id={linkId}
          readOnly
          value={made.url}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} w-full font-mono text-xs`}
        />
      </label>
      {made.copy === 'held' ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-2 rounded-md border border-amber-500 bg-amber-50 px-3 py-2 text-amber-950 text-sm dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
        >
          <p>
            This link is {count(made.url.length)} characters long, over {count(LONG_LINK_CHARS)}:
            some browsers, chat tools and mail programs cut links that long, and a cut link does not
            open. Export JSON is safer for a state this big.
          </p>
          <Button size="sm" onClick={onCopyAnyway}>
            Copy anyway
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** Reading shorter than this shows no bar: one that flashes by says less than none. */
const SHOW_IMPORT_PROGRESS_AFTER_MS = 300;

interface Importing {
  readonly name: string;
  readonly job: ImportJob;
  readonly progress: Progress;
  /** Shown once the import has taken over `SHOW_IMPORT_PROGRESS_AFTER_MS`. */
  readonly shown: boolean;
}

function copyMessage(copy: Copy): string {
  if (copy === 'copied') return 'Link copied to the clipboard.';
  if (copy === 'failed') {
    return 'The browser refused the clipboard; select the link and copy it by hand.';
  }
  return '';
}

/**
 * Share and import: a link that holds the whole state, an export file, and an import that
 * refuses anything it cannot check.
 */
export function SharePanel() {
  const [made, setMade] = useState<MadeLink | null>(null);
  const [message, setMessage] = useState('');
  const [refusal, setRefusal] = useState<{ name: string; problems: string[] } | null>(null);
  const [importing, setImporting] = useState<Importing | null>(null);
  const importId = useId();
  // The import under way, for Cancel and for closing the dialog (which cancels it).
  const job = useRef<ImportJob | null>(null);
  useEffect(() => () => job.current?.cancel(), []);

  // A link shows the state it was made from: a later change takes it away.
  useEffect(
    () =>
      useTenantStore.subscribe((state, previous) => {
        if (
          state.events !== previous.events ||
          state.cursor !== previous.cursor ||
          state.genesis !== previous.genesis
        ) {
          setMade(null);
        }
      }),
    [],
  );

  function start() {
    setRefusal(null);
    setMessage('');
  }

  async function copyLink(url: string) {
    setMade({ url, copy: 'copying' });
    const copy = await copyText(url);
    setMade({ url, copy });
    setMessage(copyMessage(copy));
  }

  async function makeLink() {
    start();
    try {
      const url = await shareLinkOf(
        currentLog(),
        new URL(window.location.href),
        useViewStore.getState().view,
      );
      if (url.length > LONG_LINK_CHARS) setMade({ url, copy: 'held' });
      else await copyLink(url);
    } catch (failure) {
      setMessage(
        `No link was made: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    }
  }

  function exportNow() {
    start();
    const state = currentLog();
    const name = exportFileName(state);
    downloadText(name, exportText(state));
    setMessage(`Downloaded ${name}`);
  }

  async function importNow(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again imports it again.
    input.value = '';
    if (file === undefined) return;
    start();
    job.current?.cancel();
    setMessage(`Reading ${file.name}…`);
    const started: ImportJob = startImport(file, {
      onProgress: (progress) =>
        setImporting((now) => (now?.job === started ? { ...now, progress } : now)),
    });
    job.current = started;
    setImporting({
      name: file.name,
      job: started,
      progress: { stage: 'Starting', done: 0, total: 0 },
      shown: false,
    });
    const timer = setTimeout(
      () => setImporting((now) => (now?.job === started ? { ...now, shown: true } : now)),
      SHOW_IMPORT_PROGRESS_AFTER_MS,
    );
    const result = await started.done;
    clearTimeout(timer);
    // A later import took over: its own ending says what happened.
    if (job.current !== started) return;
    job.current = null;
    setImporting(null);
    if (result.ok) {
      setMessage(`Imported ${file.name} (${count(result.state.events.length)} events).`);
    } else if ('kept' in result) {
      setMessage(`Did not import ${file.name}: your changes are kept.`);
    } else if ('cancelled' in result) {
      setMessage(`Cancelled the import of ${file.name}: the console is unchanged.`);
    } else {
      setMessage('');
      setRefusal({ name: file.name, problems: [...new Set(problemLines(result.problems))] });
    }
  }

  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        Saved in this browser as you work. A link (<code>#state=…</code>, never sent to a server) or
        a file (up to {count(LIMITS.maxBytes)} bytes) carries the whole state: the scenario, every
        event, the timeline's position and the view open now.
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Button variant="primary" onClick={() => void makeLink()}>
          Copy link
        </Button>
        <Button onClick={exportNow}>Export JSON</Button>
        <label htmlFor={importId} className="flex items-center gap-2 font-medium">
          Import JSON…
          <input
            id={importId}
            type="file"
            accept=".json,application/json"
            onChange={(event) => void importNow(event)}
            className="max-w-56 font-normal text-sm file:mr-2 file:rounded-md file:border file:border-slate-300 file:border-solid file:bg-white file:px-3 file:py-1.5 file:font-medium file:text-slate-900 hover:file:bg-slate-100 dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
          />
        </label>
      </div>
      {importing?.shown === true ? (
        <ProgressBar
          label={`Importing ${importing.name}`}
          value={importing.progress.done}
          max={importing.progress.total}
          stage={progressText(importing.progress)}
          onCancel={() => importing.job.cancel()}
        />
      ) : null}
      <p role="status" className="font-medium empty:sr-only">
        {message}
      </p>
      {made === null ? null : (
        <LinkDetails made={made} onCopyAnyway={() => void copyLink(made.url)} />
      )}
      {refusal === null ? null : (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p>
            <span className="font-semibold">{refusal.name} was not imported</span>; the console is
            unchanged.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {refusal.problems.map((line) => (
              <li key={line} className="break-words">
                {line}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The header's `Share` opens this: share and import in a modal dialog of that name. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Share and import" onClose={onClose}>
      <SharePanel />
      <div className="flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}
