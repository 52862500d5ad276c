/**
 * Whether the simulated API's service worker is up, and the requests the console has sent.
 * Kept out of the tenant store: neither is part of the tenant, and both live in the lazy chunk.
 */
import { create } from 'zustand';

export type ApiStatus =
  | { readonly state: 'starting' }
  | { readonly state: 'ready' }
  | { readonly state: 'failed'; readonly reason: string };

export const useApiStatus = create<{ readonly status: ApiStatus }>()(() => ({
  status: { state: 'starting' },
}));

/** A request as the console sends it: enough to send it again exactly. */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  readonly body: string | null;
  /** What the console shows for the credential: a key's name, "pasted secret" or "no key". */
  readonly credentialLabel: string;
}

export interface ReceivedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** The body text, pretty-printed when it is JSON. */
  readonly body: string;
}

export interface Exchange {
  readonly id: number;
  readonly request: SentRequest;
  /** The response, or why there is none (the fetch itself failed). */
  readonly outcome:
    | { readonly kind: 'response'; readonly response: ReceivedResponse }
    | { readonly kind: 'failed'; readonly reason: string };
}

/** The newest exchanges first; at most this many are kept. */
export const HISTORY_LIMIT = 50;

interface HistoryState {
  readonly exchanges: readonly Exchange[];
  readonly record: (request: SentRequest, outcome: Exchange['outcome']) => Exchange;
  readonly clear: () => void;
}

let nextExchangeId = 1;

export const useRequestHistory = create<HistoryState>()((set) => ({
  exchanges: [],
  record(request, outcome) {
    const exchange: Exchange = { id: nextExchangeId++, request, outcome };
    set((state) => ({ exchanges: [exchange, ...state.exchanges].slice(0, HISTORY_LIMIT) }));
    return exchange;
  },
  clear() {
    set({ exchanges: [] });
  },
}));
