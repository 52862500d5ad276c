/**
 * The simulated Tines REST API in the page: a Mock Service Worker answering `/api/*` of the
 * page's own origin (under its base: api-base.ts) from the tenant store, through the pure handler in core/api. The worker is
 * started after the first render (by the request console) and msw is imported only then, so
 * neither delays the first paint nor weighs on the initial chunk.
 */
import { API_RULES } from '../core/api/api-rules';
import { handleApiRequest, SIMULATED_NOTE } from '../core/api/handle-request';
import { describeEventParts, isolatedText } from '../core/describe';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { API_ROUTE, tinesPathOf } from './api-base';
import { useApiStatus } from './api-status';

/**
 * A change asked of the API while the page shows an earlier moment: refused, since it would drop
 * the later events without anyone at the console confirming it (assumed).
 */
function pastRefusal(later: number): Response {
  const body = {
    error: {
      status: 409,
      code: 'TIME_TRAVELLING',
      message: `The console is showing an earlier moment, with ${later} later events; return to the present (Redo, or the last event of the timeline) to change the tenant through the API.`,
      rule: API_RULES.timeTravel.id,
      rule_source: 'assumed',
    },
    simulated: SIMULATED_NOTE,
  };
  return new Response(JSON.stringify(body, null, 2), {
    status: 409,
    headers: {
      'content-type': 'application/json',
      'x-simulator-rule': API_RULES.timeTravel.id,
      'x-simulator-rule-source': 'assumed',
    },
  });
}

/** Answer one intercepted request from the store, logging the events it made. */
export async function answer(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.text();
  const store = useTenantStore.getState();
  const tenant = selectTenant(store);
  const events =
    store.cursor === store.events.length ? store.events : store.events.slice(0, store.cursor);
  const outcome = handleApiRequest(
    { tenant, events },
    { method: request.method, url: tinesPathOf(url.pathname) + url.search, headers, body },
  );
  if (outcome.events.length > 0 && store.cursor < store.events.length) {
    return pastRefusal(store.events.length - store.cursor);
  }
  let before = tenant;
  for (const event of outcome.events) {
    // A notice is plain text: its names are isolated in it (U+2068 … U+2069), as <bdi> would.
    const line = isolatedText(describeEventParts(before, event));
    const result = store.dispatch(() => event);
    if (!result.ok) break;
    before = selectTenant(useTenantStore.getState());
    useTenantStore.getState().showNotice('info', `${line} (simulated API).`);
  }
  const { status, headers: responseHeaders, body: json } = outcome.response;
  return new Response(json === null ? null : JSON.stringify(json, null, 2), {
    status,
    headers: responseHeaders,
  });
}

/** How long a registered worker may take to claim this page before it is started over. */
const CLAIM_WAIT_MS = 2_000;

/**
 * msw reloads the page when its worker is registered but does not control the page, which would
 * throw away whatever the person has done since the page loaded. That happens when the page was
 * hard-reloaded, or opened while the worker was still activating. Wait briefly for the worker to
 * claim the page; if it does not, unregister it, and msw registers a fresh one that claims it.
 */
export async function releaseUnclaimingWorker(scriptUrl: string): Promise<void> {
  const container = navigator.serviceWorker;
  if (container.controller !== null) return;
  const registrations = (await container.getRegistrations()).filter((registration) =>
    [registration.active, registration.waiting, registration.installing].some(
      (worker) => worker?.scriptURL === scriptUrl,
    ),
  );
  if (registrations.length === 0) return;
  const claimed = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), CLAIM_WAIT_MS);
    container.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      { once: true },
    );
  });
  if (claimed || container.controller !== null) return;
  await Promise.all(registrations.map((registration) => registration.unregister()));
}

/**
 * Whether a request is the simulated API's: `/api/…` under the base, on the page's own origin.
 * A predicate rather than msw's path pattern (`API_ROUTE`): msw decodes a pattern's wildcard with
 * decodeURIComponent, so a malformed escape (`/api/v1/%`, `/api/v1/%E0%A4%A`) threw in msw's
 * handler lookup and answered 500 with console errors, before the handler could answer 404.
 */
function isApiRequest(request: Request): boolean {
  const url = new URL(request.url);
  return url.origin === location.origin && url.pathname.startsWith(API_ROUTE.slice(0, -1));
}

let starting: Promise<void> | null = null;

/** Start the worker once; later calls wait for the same start. Failure is shown, not thrown. */
export function startSimulatedApi(): Promise<void> {
  starting ??= (async () => {
    try {
      if (!('serviceWorker' in navigator)) {
        throw new Error(
          'this browser has no service workers (they need http://localhost or https).',
        );
      }
      const scriptUrl = new URL(`${import.meta.env.BASE_URL}mockServiceWorker.js`, location.href)
        .href;
      const [{ http }, { setupWorker }] = await Promise.all([
        import('msw'),
        import('msw/browser'),
        releaseUnclaimingWorker(scriptUrl),
      ]);
      const worker = setupWorker(
        http.all(
          ({ request }) => isApiRequest(request),
          ({ request }) => answer(request),
        ),
      );
      await worker.start({
        serviceWorker: { url: scriptUrl },
        onUnhandledRequest: 'bypass',
        quiet: true,
      });
      useApiStatus.setState({ status: { state: 'ready' } });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      useApiStatus.setState({ status: { state: 'failed', reason } });
    }
  })();
  return starting;
}
