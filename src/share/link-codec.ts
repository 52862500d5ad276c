/**
 * A console document in a URL fragment: JSON, deflate-compressed (CompressionStream, built into
 * the browser), then base64url. No server is involved: the fragment never leaves the browser.
 * Decoding caps the inflated size, so a small link cannot expand into gigabytes.
 */
import type { ConsoleDocument } from '../core/document/document';
import { LIMITS } from '../core/document/document';

/** `#state=<payload>`: the fragment parameter that carries a state. */
export const STATE_PARAM = 'state';
/** Links longer than this warn before copying (some chat tools and browsers cut them). */
export const LONG_LINK_CHARS = 8_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replaceAll('-', '+').replaceAll('_', '/');
  try {
    const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** The fragment payload for a document. */
export async function encodeDocument(document: ConsoleDocument): Promise<string> {
  const stream = new Blob([JSON.stringify(document)])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/** The JSON text a payload holds, or why it cannot be read (truncated, tampered, too large). */
export async function decodePayload(payload: string): Promise<DecodeResult> {
  const bytes = fromBase64Url(payload);
  if (bytes === null || bytes.length === 0) {
    return { ok: false, reason: 'The link’s state is not valid base64url: it was cut or altered.' };
  }
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > LIMITS.maxBytes) {
        await reader.cancel();
        return {
          ok: false,
          reason: `The link’s state expands past ${LIMITS.maxBytes.toLocaleString('en-US')} bytes; it is refused.`,
        };
      }
      chunks.push(value);
    }
  } catch {
    return {
      ok: false,
      reason: 'The link’s state does not decompress: it was cut short or altered.',
    };
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(all) };
  } catch {
    return { ok: false, reason: 'The link’s state is not valid UTF-8 text.' };
  }
}

/** The state payload of a URL fragment (`#state=…`), if it has one. */
export function statePayloadOf(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return params.get(STATE_PARAM);
}
