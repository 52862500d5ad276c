// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocumentState, readDocumentText, toDocument } from '../core/document/document';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { runIntents, scenarioRunArb } from '../core/testing/arbitraries';
import { assertProperty } from '../test/property';
import { decodePayload, encodeDocument, statePayloadOf } from './link-codec';

const jane: DocumentState = {
  scenarioId: 'jane-tino',
  scenarioParams: {},
  genesis: janeTinoScenario.genesis,
  events: janeTinoScenario.events,
  cursor: 7,
};

async function open(payload: string) {
  const decoded = await decodePayload(payload);
  if (!decoded.ok) return decoded;
  return readDocumentText(decoded.text);
}

describe('share links', () => {
  it('carries a state in a short, URL-safe fragment and opens it exactly', async () => {
    const payload = await encodeDocument(toDocument(jane));
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(4_000);
    expect(await open(payload)).toEqual({ ok: true, state: jane });
    expect(statePayloadOf(`#state=${payload}`)).toBe(payload);
    expect(statePayloadOf('#other=1')).toBeNull();
  });

  it('opens every log the reducer accepts exactly as it was (property)', async () => {
    await assertProperty(
      fc.asyncProperty(scenarioRunArb, fc.nat(), async ({ start, intents }, at) => {
        const run = runIntents(start, intents);
        const state: DocumentState = {
          scenarioId: 'custom',
          scenarioParams: {},
          genesis: start.genesis,
          events: run.log,
          cursor: at % (run.log.length + 1),
        };
        expect(await open(await encodeDocument(toDocument(state)))).toEqual({ ok: true, state });
      }),
      100,
    );
  });

  it('refuses a truncated, altered or foreign payload with a reason', async () => {
    const payload = await encodeDocument(toDocument(jane));
    const truncated = await decodePayload(payload.slice(0, Math.floor(payload.length / 2)));
    expect(truncated).toMatchObject({ ok: false, reason: expect.stringMatching(/cut|altered/) });
    expect(await decodePayload('not base64!')).toMatchObject({ ok: false });
    expect(await decodePayload('')).toMatchObject({ ok: false });
    // Valid deflate of text that is not a document: decoded, then refused by the reader.
    const foreign = await encodeDocument({ hello: 'world' } as never);
    expect(await open(foreign)).toMatchObject({ ok: false, problems: [{ field: 'format' }] });
  });

  it('stops inflating a payload that expands past the size limit', async () => {
    // 30 MB of one character compresses to a few kilobytes.
    const stream = new Blob(['a'.repeat(30_000_000)])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const payload = Buffer.from(bytes).toString('base64url');
    expect(payload.length).toBeLessThan(100_000);
    expect(await decodePayload(payload)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/expands past/),
    });
  });
});
