/**
 * `?view=` in the address: which view the console shows. Pure (no DOM), so that the parser is
 * unit-tested and the shell, the links and the history all agree on one reading.
 * No parameter means `lifecycle`; a value is read case-insensitively; an unknown value, or
 * several that disagree, is refused with a message and the console shows `lifecycle`.
 */

export const VIEW_IDS = [
  'lifecycle',
  'keys',
  'api',
  'timeline',
  'training',
  'credentials',
  'stories',
  'offboarding',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const DEFAULT_VIEW: ViewId = 'lifecycle';
export const VIEW_PARAM = 'view';

export function isViewId(value: string): value is ViewId {
  return (VIEW_IDS as readonly string[]).includes(value);
}

export interface ViewReading {
  readonly view: ViewId;
  /** Why the address was not taken as it is (shown as a notice), or null. */
  readonly problem: string | null;
  /** The address says it another way than the console writes it (case, repeats, empty value). */
  readonly canonical: boolean;
}

const known = VIEW_IDS.join(', ');

/** Reads `?view=` from a query string (`?a=b&view=keys`, with or without the `?`). */
export function readViewParam(search: string): ViewReading {
  const values = new URLSearchParams(search).getAll(VIEW_PARAM);
  if (values.length === 0) return { view: DEFAULT_VIEW, problem: null, canonical: true };
  const normalised = values.map((value) => value.trim().toLowerCase());
  const distinct = [...new Set(normalised)];
  if (distinct.length > 1) {
    return {
      view: DEFAULT_VIEW,
      problem: `The address names ${values.length} views (${values.map((value) => `"${value}"`).join(', ')}); showing Lifecycle. Known views: ${known}.`,
      canonical: false,
    };
  }
  const [only] = distinct;
  if (only === undefined || !isViewId(only)) {
    return {
      view: DEFAULT_VIEW,
      problem: `There is no view "${values[0] ?? ''}"; showing Lifecycle. Known views: ${known}.`,
      canonical: false,
    };
  }
  return { view: only, problem: null, canonical: values.length === 1 && values[0] === only };
}

/**
 * The same address showing `view` instead: other parameters and the fragment are kept, and the
 * default view is written as no parameter at all (so `/` and `?scenario=…` stay as they were).
 */
export function withView(href: string, view: ViewId): string {
  const url = new URL(href);
  url.searchParams.delete(VIEW_PARAM);
  if (view !== DEFAULT_VIEW) url.searchParams.set(VIEW_PARAM, view);
  return url.href;
}

/** `withView` as a link's `href`: path and query, without the origin or the fragment. */
export function viewLink(href: string, view: ViewId): string {
  const url = new URL(withView(href, view));
  return `${url.pathname}${url.search}`;
}
