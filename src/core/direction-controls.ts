/**
 * Invisible direction controls in names. The embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) reorder the text after them until the paragraph ends, so a story named
 * `Quarterly \u202eLIAME_EKAF report` would make the Timeline's own line read backwards (the
 * "Trojan Source" trick). Every entry point refuses them through this one check: the reducer
 * (events from the console, the API, imports, links and the saved state), the API's body, the
 * document's genesis and the dialogs. Right-to-left letters and the marks LRM, RLM and ALM stay
 * allowed: they reorder nothing outside a name that is shown isolated (<bdi>, or U+2068…U+2069).
 *
 * Assumed: the vendor does not document which characters a name may hold.
 *
 * The reducer is in the page's first chunk, so this module stays small: the characters' Unicode
 * names are added by `direction-control-names.ts`, which only the API, the document reader and
 * the dialogs (all loaded later) import.
 */
const CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Why `text` may not be a name (the first control it holds), or null when it holds none:
 * "contains the invisible direction control U+202E; names may not reorder the text around them."
 * `namedDirectionControlReason` adds the character's Unicode name.
 */
export function directionControlReason(text: string): string | null {
  const code = CONTROL.exec(text)?.[0].charCodeAt(0);
  if (code === undefined) return null;
  return `contains the invisible direction control U+${code.toString(16).toUpperCase()}; names may not reorder the text around them.`;
}
