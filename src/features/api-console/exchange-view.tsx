import type { Exchange } from '../../api/api-status';
import { Button } from '../../components/button';
import { CopyStatus, useClipboard } from '../../components/copy-to-clipboard';
import { curlCommand, KEY_VARIABLE } from '../../core/api/curl';
import { VERDICT_HIDDEN } from '../presenter/use-presenter';

/** The secret a request carries, if any, so the curl can write it as a variable. */
export function secretOf(exchange: Exchange): string | null {
  for (const [name, value] of exchange.request.headers) {
    if (name.toLowerCase() === 'x-user-token') return value;
    if (name.toLowerCase() === 'authorization') return value.replace(/^Bearer\s+/i, '');
  }
  return null;
}

function statusTone(status: number): string {
  if (status < 300) {
    return 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100';
  }
  if (status === 401) return 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100';
  return 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100';
}

const CODE_BLOCK =
  'overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800 max-h-80';

/** A block of text that may scroll; focusable so that the keyboard can scroll it (WCAG 2.1.1). */
function ScrollingCode({ label, text }: { label: string; text: string }) {
  return (
    <section aria-label={label}>
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must take focus so that the keyboard can scroll it.
        tabIndex={0}
        className={CODE_BLOCK}
      >
        {text}
      </pre>
    </section>
  );
}

function CurlView({ command }: { command: string }) {
  const clipboard = useClipboard();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <h4 className="font-medium text-sm">The same request with curl, against your tenant</h4>
        <Button size="sm" onClick={() => clipboard.copy(command)}>
          Copy curl
        </Button>
      </div>
      <ScrollingCode label="curl command" text={command} />
      <p className="text-slate-600 text-xs dark:text-slate-400">
        Set <code>{KEY_VARIABLE}</code> to a key of your real tenant first: the simulator’s secrets
        work only in this page.
      </p>
      <CopyStatus
        state={clipboard.state}
        what="curl command"
        byHand="the command"
        className="text-xs"
      />
    </div>
  );
}

/**
 * One request and what came back: status, headers, body, and the curl for the real tenant.
 * `answerHidden` (presenter mode, a prediction open) withholds what came back: a 401 and its
 * reason would answer the prediction.
 */
export function ExchangeView({
  exchange,
  domain,
  answerHidden = false,
}: {
  exchange: Exchange;
  domain: string;
  answerHidden?: boolean;
}) {
  const { request, outcome } = exchange;
  return (
    <section
      aria-label="Response"
      className="flex flex-col gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <h3 className="font-semibold text-sm">
        {/* The path and the key's name in <bdi>: neither can reorder the heading around it. */}
        Response to <code>{request.method}</code>{' '}
        <code className="break-all">
          <bdi>{request.url}</bdi>
        </code>{' '}
        <span className="font-normal text-slate-600 dark:text-slate-400">
          (<bdi>{request.credentialLabel}</bdi>)
        </span>
      </h3>
      {outcome.kind === 'failed' ? (
        <p className="text-red-800 text-sm dark:text-red-300">{outcome.reason}</p>
      ) : answerHidden ? (
        <>
          <p
            data-testid="api-response-status"
            className="self-start rounded bg-slate-100 px-2 py-1 font-semibold text-slate-700 text-sm dark:bg-slate-800 dark:text-slate-300"
          >
            Answer {VERDICT_HIDDEN}
          </p>
          <p className="text-slate-600 text-sm dark:text-slate-400">
            The status, headers and body would give the prediction away: Reveal shows them.
          </p>
        </>
      ) : (
        <>
          <p
            data-testid="api-response-status"
            data-status={outcome.response.status}
            className={`self-start rounded px-2 py-1 font-mono font-semibold text-sm ${statusTone(outcome.response.status)}`}
          >
            {outcome.response.status} {outcome.response.statusText}
          </p>
          <details>
            <summary className="cursor-pointer text-sm">
              Headers ({outcome.response.headers.length})
            </summary>
            <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 font-mono text-xs">
              {outcome.response.headers.map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-slate-600 dark:text-slate-400">{name}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ))}
            </dl>
          </details>
          <div className="flex flex-col gap-1">
            <h4 className="font-medium text-sm">Body</h4>
            <ScrollingCode
              label="Response body"
              text={outcome.response.body === '' ? '(empty)' : outcome.response.body}
            />
          </div>
        </>
      )}
      <CurlView command={curlCommand(domain, request, secretOf(exchange))} />
    </section>
  );
}
