import type { Exchange, SentRequest } from '../../api/api-status';
import { Button } from '../../components/button';
import { VERDICT_HIDDEN } from '../presenter/use-presenter';

function summary(exchange: Exchange, answerHidden: boolean): string {
  const { request, outcome } = exchange;
  const result =
    outcome.kind === 'failed'
      ? 'failed'
      : answerHidden
        ? VERDICT_HIDDEN
        : `${outcome.response.status} ${outcome.response.statusText}`.trim();
  return `${request.method} ${request.url} → ${result}`;
}

/**
 * The requests sent from the console, newest first; each can be shown again or re-sent. While
 * `answerHidden` (a prediction open in presenter mode), the statuses read "hidden until reveal".
 */
export function RequestHistory({
  exchanges,
  shownId,
  onShow,
  onResend,
  sending,
  answerHidden = false,
}: {
  exchanges: readonly Exchange[];
  shownId: number | null;
  onShow: (id: number) => void;
  onResend: (request: SentRequest) => void;
  sending: boolean;
  answerHidden?: boolean;
}) {
  return (
    <section aria-labelledby="api-history-heading" className="flex flex-col gap-2">
      <h3 id="api-history-heading" className="font-semibold text-sm">
        History
      </h3>
      {exchanges.length === 0 ? (
        <p className="text-slate-600 text-sm dark:text-slate-400">No requests sent yet.</p>
      ) : (
        <ol aria-label="Request history" className="flex flex-col gap-1 text-sm">
          {exchanges.map((exchange) => {
            const text = summary(exchange, answerHidden);
            return (
              <li
                key={exchange.id}
                aria-current={exchange.id === shownId ? 'true' : undefined}
                className={`flex flex-wrap items-center justify-between gap-2 rounded px-2 py-1 ${
                  exchange.id === shownId ? 'bg-blue-50 dark:bg-blue-950' : ''
                }`}
              >
                <span className="min-w-0 break-all font-mono text-xs">
                  {text}{' '}
                  <span className="font-sans text-slate-600 dark:text-slate-400">
                    (<bdi>{exchange.request.credentialLabel}</bdi>)
                  </span>
                </span>
                <span className="flex gap-1">
                  <Button
                    size="sm"
                    aria-label={`Show response: ${text}`}
                    onClick={() => onShow(exchange.id)}
                  >
                    Show
                  </Button>
                  <Button
                    size="sm"
                    aria-label={`Re-send ${exchange.request.method} ${exchange.request.url}`}
                    disabled={sending}
                    onClick={() => onResend(exchange.request)}
                  >
                    Re-send
                  </Button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
