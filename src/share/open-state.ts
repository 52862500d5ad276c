/**
 * Opening a state from outside: a share link's payload or an imported file. Everything is read
 * and checked first; the store changes only when all of it is accepted, so a refused input
 * leaves the console exactly as it was (the same log, the same cursor).
 */
import { replaceAsking } from '../app/ask-store';
import type { DocumentProblem, ReadResult } from '../core/document/document';
import { DEFAULT_VIEW, VIEW_PARAM, type ViewId } from '../navigation/view-param';
import { type LogState, useTenantStore } from '../store/tenant-store';
import type { JobHooks } from '../worker/core-client';
import { decodePayload, encodeDocument, STATE_PARAM } from './link-codec';
import { documentOf, readStateFile, readStateText, rememberReadBase } from './state-document';

export { readStateFile };

export type OpenResult =
  | { readonly ok: true; readonly state: LogState }
  | { readonly ok: false; readonly problems: readonly DocumentProblem[] }
  /** The person chose to keep the changes it would have dropped. */
  | { readonly ok: false; readonly kept: true }
  /** The import was cancelled while the file was read: nothing changed. */
  | { readonly ok: false; readonly cancelled: true };

/** The state a link's payload holds, checked, without opening it. */
export async function readLinkPayload(payload: string): Promise<ReadResult> {
  const decoded = await decodePayload(payload);
  if (!decoded.ok) return { ok: false, problems: [{ field: '(link)', reason: decoded.reason }] };
  return readStateText(decoded.text);
}

/** Open what was read, once checked; over changes only when the person agrees. */
async function opened(what: 'link' | 'import', read: ReadResult): Promise<OpenResult> {
  if (!read.ok) return read;
  const open = () => useTenantStore.getState().replaceLog(read.state);
  if (!(await replaceAsking(what, open))) return { ok: false, kept: true };
  return { ok: true, state: read.state };
}

/** Open a share link's payload in the console, or say why not (and change nothing). */
export async function openLinkPayload(payload: string): Promise<OpenResult> {
  return opened('link', await readLinkPayload(payload));
}

/** Import a file into the console, or say why not (and change nothing). */
export async function importStateFile(file: Blob): Promise<OpenResult> {
  return startImport(file).done;
}

export interface ImportJob {
  readonly done: Promise<OpenResult>;
  /** Stop reading: the console stays exactly as it is (`done` settles as cancelled). */
  cancel(): void;
}

const CANCELLED: OpenResult = { ok: false, cancelled: true };

/**
 * Import a file, read and checked in the core worker (where there is one) while the page keeps
 * answering: `hooks` hear its progress, and the page builds the tenant from the checked events a
 * slice at a time (worker/core-client.ts). An import wins over a scenario still loading.
 */
export function startImport(file: Blob, hooks: JobHooks = {}): ImportJob {
  let cancelled = false;
  let cancelJob: (() => void) | null = null;
  const read = async (): Promise<OpenResult> => {
    const { arrivedLog, canUseWorker, coreClient } = await import('../worker/off-thread');
    if (cancelled) return CANCELLED;
    if (!canUseWorker()) {
      const read = await readStateFile(file);
      return cancelled ? CANCELLED : opened('import', read);
    }
    useTenantStore.getState().cancelLoading();
    const job = coreClient().run({ type: 'read-file', file }, hooks);
    cancelJob = job.cancel;
    let outcome: Awaited<typeof job.done>;
    try {
      outcome = await job.done;
    } catch (error) {
      if (cancelled) return CANCELLED;
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [{ field: '(file)', reason: `could not be read: ${why}` }] };
    }
    if (outcome.kind === 'unreadable') return { ok: false, problems: outcome.problems };
    const { tenant, view } = outcome.log;
    const { state, base } = arrivedLog(outcome.log);
    rememberReadBase(state.genesis, base);
    const open = () => useTenantStore.getState().replaceLog(state, tenant, view);
    if (!(await replaceAsking('import', open))) return { ok: false, kept: true };
    return { ok: true, state };
  };
  return {
    done: read(),
    cancel: () => {
      cancelled = true;
      cancelJob?.();
    },
  };
}

/** The link to a state: this page's address without its query, and the state in the fragment. */
export async function shareLinkOf(
  state: LogState,
  page: URL,
  view: ViewId = DEFAULT_VIEW,
): Promise<string> {
  const payload = await encodeDocument(documentOf(state));
  // Only the view travels in the query: the state itself names the scenario.
  const query = view === DEFAULT_VIEW ? '' : `?${VIEW_PARAM}=${view}`;
  return `${page.origin}${page.pathname}${query}#${STATE_PARAM}=${payload}`;
}

/** `<domain>-<scenario>.klc.json`, with anything a file name should not hold replaced. */
export function exportFileName(state: LogState): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100);
  return `${safe(state.genesis.domain)}-${safe(state.scenarioId)}.klc.json`;
}

/** The export file's text: the console document as JSON. */
export function exportText(state: LogState): string {
  return `${JSON.stringify(documentOf(state))}\n`;
}
