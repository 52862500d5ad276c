// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { envelope, PROTOCOL_VERSION, readReply, readRequest } from './protocol';

const generate = { type: 'generate', scenarioId: 'large', params: { people: 10 } } as const;

describe('the core worker protocol', () => {
  it('stamps every message with the version and its request id', () => {
    expect(envelope(3, generate)).toEqual({ v: PROTOCOL_VERSION, id: 3, ...generate });
  });

  it('lets the worker take a new request of this version and a known type', () => {
    const read = readRequest(envelope(4, generate), 3);
    expect(read).toEqual({ ok: true, message: envelope(4, generate) });
  });

  it.each([
    [
      'a message that is not an object',
      'generate',
      'Not a message of this console: not an object.',
    ],
    [
      'a message of another version',
      { ...envelope(4, generate), v: 1 },
      'Protocol version 1; this side speaks version 2.',
    ],
    [
      'a message of no version',
      { id: 4, type: 'generate' },
      'Protocol version missing; this side speaks version 2.',
    ],
    [
      'a message without a request id',
      { v: 2, type: 'generate' },
      'No request id: every message names its request.',
    ],
    [
      'a request of an unknown type',
      { v: 2, id: 4, type: 'replay' },
      'Unknown message type "replay".',
    ],
  ])('refuses %s, with the reason', (_, data, reason) => {
    expect(readRequest(data, 3)).toEqual({ ok: false, reason });
  });

  it('refuses a stale request (its id not above the last one taken), marked stale', () => {
    expect(readRequest(envelope(3, generate), 3)).toEqual({
      ok: false,
      reason: 'Stale request 3: request 3 came after it.',
      stale: true,
    });
    expect(readRequest(envelope(2, generate), 5)).toMatchObject({ ok: false, stale: true });
  });

  it('lets the page take a reply to the request under way', () => {
    const progress = envelope(7, {
      type: 'progress',
      stage: 'Generating people',
      done: 200,
      total: 1000,
    });
    expect(readReply(progress, 7)).toEqual({ ok: true, message: progress });
  });

  it('refuses a reply to a request that is over, or when none is under way, marked stale', () => {
    const reply = envelope(6, { type: 'failed', reason: 'x' });
    expect(readReply(reply, 7)).toEqual({
      ok: false,
      reason: 'Stale reply to request 6: request 7 is the one under way.',
      stale: true,
    });
    expect(readReply(reply, null)).toEqual({
      ok: false,
      reason: 'Stale reply to request 6: no request is under way.',
      stale: true,
    });
  });

  it('refuses a reply of an unknown type or another version, not as stale', () => {
    expect(readReply({ v: 2, id: 7, type: 'tenant' }, 7)).toEqual({
      ok: false,
      reason: 'Unknown message type "tenant".',
    });
    expect(readReply({ v: 0, id: 7, type: 'progress' }, 7)).toEqual({
      ok: false,
      reason: 'Protocol version 0; this side speaks version 2.',
    });
  });
});
