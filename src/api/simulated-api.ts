/**
 * The simulated Tines REST API in the page: a Mock Service Worker answering `/api/*` of the
 * page's own origin from the tenant store, through the pure handler in core/api. The worker is
 * started after the first render (by the request console) and msw is imported only then, so
 * neither delays the first paint nor weighs on the initial chunk.
 */
import { handleApiRequest } from '../core/api/handle-request';
import { describeEvent } from '../core/describe';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { useApiStatus } from './api-status';

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
    { method: request.method, url: url.pathname + url.search, headers, body },
  );
  let before = tenant;
  for (const event of outcome.events) {
    const line = describeEvent(before, event);
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
      const [{ http }, { setupWorker }] = await Promise.all([import('msw'), import('msw/browser')]);
      const worker = setupWorker(http.all('/api/*', ({ request }) => answer(request)));
      await worker.start({
        serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
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
