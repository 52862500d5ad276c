/**
 * Opening a state from outside: a share link's payload or an imported file. Everything is read
 * and checked first; the store changes only when all of it is accepted, so a refused input
 * leaves the console exactly as it was (the same log, the same cursor).
 */
import { replaceAsking } from '../app/ask-store';
import { type DocumentProblem, LIMITS, type ReadResult } from '../core/document/document';
import { DEFAULT_VIEW, VIEW_PARAM, type ViewId } from '../navigation/view-param';
import { type LogState, useTenantStore } from '../store/tenant-store';
import { decodePayload, encodeDocument, STATE_PARAM } from './link-codec';
import { documentOf, readStateText } from './state-document';

export type OpenResult =
  | { readonly ok: true; readonly state: LogState }
  | { readonly ok: false; readonly problems: readonly DocumentProblem[] }
  /** The person chose to keep the changes it would have dropped. */
  | { readonly ok: false; readonly kept: true };

/** The state a link's payload holds, checked, without opening it. */
export async function readLinkPayload(payload: string): Promise<ReadResult> {
  const decoded = await decodePayload(payload);
  if (!decoded.ok) return { ok: false, problems: [{ field: '(link)', reason: decoded.reason }] };
  return readStateText(decoded.text);
}

/** The state a file holds, checked: too large is refused from its size, before it is read. */
export async function readStateFile(file: Blob): Promise<ReadResult> {
  const limit = LIMITS.maxBytes.toLocaleString('en-US');
  if (file.size > LIMITS.maxBytes) {
    return {
      ok: false,
      problems: [
        {
          field: '(file)',
          reason: `is ${file.size.toLocaleString('en-US')} bytes; the limit is ${limit}.`,
        },
      ],
    };
  }
  let text: string;
  try {
    // Fatal: a file that is not UTF-8 is refused, not read with replacement characters.
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, problems: [{ field: '(file)', reason: 'is not UTF-8 text.' }] };
  }
  return readStateText(text);
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
  return opened('import', await readStateFile(file));
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
