/**
 * The simulated API answers the Tines API's paths (`/api/v1/…`) under the page's base: at the
 * site's root, `/api/v1/info`; deployed under `/klc/` (`BASE_PATH=/klc/ npm run build`),
 * `/klc/api/v1/info`. The console, the stories and the core speak Tines paths; the page's fetch
 * puts the base in front, and the handler takes it off.
 */

/** The page's base, as the build was told (`/` or `/klc/`): it ends with a slash. */
const BASE = import.meta.env.BASE_URL;

/** What the simulated API's service worker answers: `/api/*` under the base. */
export const API_ROUTE = `${BASE}api/*`;

/** A Tines API path (`/api/v1/info`) as this page fetches it. */
export function pageUrlOf(tinesPath: string): string {
  return tinesPath.startsWith('/') ? `${BASE}${tinesPath.slice(1)}` : tinesPath;
}

/** The Tines API path of a path this page fetched (its base taken off). */
export function tinesPathOf(pathname: string): string {
  return pathname.startsWith(BASE) ? `/${pathname.slice(BASE.length)}` : pathname;
}
