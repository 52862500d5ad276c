// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '../test/property';
import { namedDirectionControlReason } from './direction-control-names';
import { directionControlReason } from './direction-controls';

const CONTROLS = [
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
] as const;
const CODES: ReadonlySet<number> = new Set(CONTROLS.map(([code]) => code));
const hex = (code: number) => `U+${code.toString(16).toUpperCase()}`;

/** Any text (every code point, lone surrogates included) holding none of the nine controls. */
const withoutControls = fc
  .string({ unit: 'binary', maxLength: 40 })
  .filter((text) => ![...text].some((c) => CODES.has(c.codePointAt(0) ?? 0)));
const control = fc.constantFrom(...CONTROLS.map(([code]) => String.fromCodePoint(code)));

describe('directionControlReason', () => {
  it.each(CONTROLS.map(([code, name]) => [hex(code), code, name] as const))(
    'refuses %s, naming the character (by its Unicode name where the names are loaded)',
    (_label, code, name) => {
      const text = `Quarterly ${String.fromCodePoint(code)}LIAME report`;
      expect(namedDirectionControlReason(text)).toBe(
        `contains the invisible direction control ${hex(code)} (${name}); names may not reorder the text around them.`,
      );
      // The reducer, in the page's first chunk, goes without the names.
      expect(directionControlReason(text)).toBe(
        `contains the invisible direction control ${hex(code)}; names may not reorder the text around them.`,
      );
    },
  );

  it('refuses any text that holds one of them, naming the first', () => {
    assertProperty(
      fc.property(withoutControls, control, withoutControls, control, (a, first, b, second) => {
        const reason = directionControlReason(`${a}${first}${b}${second}`);
        expect(reason).toContain(hex(first.codePointAt(0) ?? 0));
      }),
      500,
    );
  });

  it('does not refuse a text without them, whatever else it holds', () => {
    assertProperty(
      fc.property(withoutControls, (text) => {
        expect(directionControlReason(text)).toBeNull();
        expect(namedDirectionControlReason(text)).toBeNull();
      }),
      2000,
    );
  });

  it.each([
    ['right-to-left letters', 'שלום עולם مرحبا'],
    ['the marks LRM, RLM and ALM, which embed and override nothing', 'a\u200eb\u200fc\u061cd'],
    ['the neighbours of both ranges', '\u2029\u202f\u2065\u206a'],
    ['HTML', '<script>alert(1)</script>'],
  ])('does not refuse %s', (_label, text) => {
    expect(directionControlReason(text)).toBeNull();
  });
});
