/**
 * The properties a test file has run, kept on the file's global object by property.ts and read
 * by the setup file after the file, which so need not import property.ts (nor fast-check).
 */

export interface PropertyRecord {
  readonly name: string;
  readonly runs: number;
  readonly failed: boolean;
}

const KEY = Symbol.for('klc.property-records');

/** This test file's records, made on first use. */
export function recordedProperties(): PropertyRecord[] {
  const holder = globalThis as { [KEY]?: PropertyRecord[] };
  holder[KEY] ??= [];
  return holder[KEY];
}
