/**
 * The validity view of one tenant built a few keys at a time, for a caller that yields to the
 * page between steps (a large tenant's view is about 30,000 rows of what-if verdicts). Apart from
 * validity-view.ts so that the first paint, which builds small views whole, does not load it.
 */
import type { Tenant } from './model';
import { bulkMap } from './persistent-map-bulk';
import type { ValidityView } from './validity-view';
import { type WhatIfRow, whatIfRowMaker } from './what-if';

export interface ValidityViewBuilder {
  /** Rows built so far, of `total`. */
  readonly built: number;
  readonly total: number;
  /** Build the next `count` rows (fewer at the end). */
  step(count: number): void;
  /** The view, once every row is built; throws before. */
  view(): ValidityView;
}

/** Equal to `buildValidityView(tenant)` once stepped to the end; a property test holds it so. */
export function validityViewBuilder(tenant: Tenant): ValidityViewBuilder {
  // Read as the steps go: a persistent map's values in order cost a look-up each.
  const keys = tenant.keys.values();
  const total = tenant.keys.size;
  const rowOf = whatIfRowMaker(tenant);
  const rows: WhatIfRow[] = [];
  const rowIndex = new Map<string, number>();
  return {
    get built() {
      return rows.length;
    },
    total,
    step(count) {
      for (let left = Math.max(0, Math.trunc(count)); left > 0 && rows.length < total; left--) {
        const next = keys.next();
        if (next.done === true) break;
        rowIndex.set(next.value.id, rows.length);
        rows.push(rowOf(next.value));
      }
    },
    view() {
      if (rows.length < total) {
        throw new Error(`The view is built to ${rows.length} of ${total} keys.`);
      }
      return { rows, rowIndex: bulkMap(rowIndex) };
    },
  };
}
