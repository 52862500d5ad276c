/**
 * The reason of `directionControlReason` with the character's Unicode name ("U+202E
 * (RIGHT-TO-LEFT OVERRIDE)"), for the entry points loaded after the first paint. The reducer,
 * in the first chunk, goes without the names to keep that chunk small.
 */
import { directionControlReason } from './direction-controls';

const NAMES: Readonly<Record<string, string>> = {
  '202A': 'LEFT-TO-RIGHT EMBEDDING',
  '202B': 'RIGHT-TO-LEFT EMBEDDING',
  '202C': 'POP DIRECTIONAL FORMATTING',
  '202D': 'LEFT-TO-RIGHT OVERRIDE',
  '202E': 'RIGHT-TO-LEFT OVERRIDE',
  '2066': 'LEFT-TO-RIGHT ISOLATE',
  '2067': 'RIGHT-TO-LEFT ISOLATE',
  '2068': 'FIRST STRONG ISOLATE',
  '2069': 'POP DIRECTIONAL ISOLATE',
};

export function namedDirectionControlReason(text: string): string | null {
  return (
    directionControlReason(text)?.replace(
      /U\+(\w{4})/,
      (code, hex: string) => `${code} (${NAMES[hex] ?? 'a direction control'})`,
    ) ?? null
  );
}
