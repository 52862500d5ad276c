import { pageUrlOf } from '../../api/api-base';
import { type Exchange, type SentRequest, useRequestHistory } from '../../api/api-status';
import { startSimulatedApi } from '../../api/simulated-api';
import { STATUS_TEXTS } from './request-examples';

function pretty(text: string, contentType: string | null): string {
  if (contentType?.includes('json') !== true || text === '') return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * Send a request through the page's fetch (so the service worker answers it, exactly as it
 * answers a test's `page.evaluate(fetch)`), and record the exchange in the history.
 */
export async function sendRequest(request: SentRequest): Promise<Exchange> {
  const { record } = useRequestHistory.getState();
  await startSimulatedApi();
  try {
    const response = await fetch(pageUrlOf(request.url), {
      method: request.method,
      headers: request.headers.map(([name, value]) => [name, value]),
      body: request.body,
    });
    const text = await response.text();
    const headers: Array<readonly [string, string]> = [];
    response.headers.forEach((value, name) => {
      headers.push([name, value]);
    });
    headers.sort(([a], [b]) => a.localeCompare(b));
    return record(request, {
      kind: 'response',
      response: {
        status: response.status,
        statusText: response.statusText || (STATUS_TEXTS[response.status] ?? ''),
        headers,
        body: pretty(text, response.headers.get('content-type')),
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return record(request, { kind: 'failed', reason: `The request did not complete: ${reason}` });
  }
}
