import type { LinePart } from '../core/describe';

/**
 * A line with each name it quotes in a <bdi>: a name written right to left (or ending in such a
 * letter) cannot reorder the words around it. The text, and so the accessible name, is the plain
 * line (`lineText`).
 */
export function IsolatedNames({ parts }: { parts: readonly LinePart[] }) {
  return parts.map((part, index) =>
    typeof part === 'string' ? (
      part
    ) : (
      // The parts of a line never move, so their places are stable keys.
      // biome-ignore lint/suspicious/noArrayIndexKey: see above.
      <bdi key={index}>{part.name}</bdi>
    ),
  );
}
