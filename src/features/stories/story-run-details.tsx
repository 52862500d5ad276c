import { useId } from 'react';
import { UNRESOLVED_LABELS } from '../../core/automation/resolve';
import type { ActionOutcome } from '../../core/automation/run-story';
import type { Story } from '../../core/model';
import { VERDICT_HIDDEN } from '../presenter/use-presenter';
import { formatUtc } from '../timeline/timeline-format';
import { statusText } from './story-rows';
import type { PageRun } from './story-runs';

/** Why an action was not sent, in words. */
function notSentWhy(outcome: ActionOutcome): string {
  switch (outcome.kind) {
    case 'unresolved':
      return `<<CREDENTIAL.${outcome.slug}>>: ${UNRESOLVED_LABELS[outcome.reason]}`;
    case 'external':
      return 'Holds a secret of another service: not judged here';
    case 'answered':
      return outcome.code ?? '';
  }
}

const cellClass = 'border-slate-200 border-b px-2 py-1 text-left align-top dark:border-slate-800';

/**
 * The last run of one story: each action's status and the rule that decided it, from the log;
 * for a run made since the page loaded, also what each action emitted (its response as the event
 * an HTTP Request action emits, S14; the `{ status, headers, body }` shape is assumed). A failing
 * action's emitted event is open, the others folded.
 */
export function StoryRunDetails({
  story,
  pageRun,
  hidden,
}: {
  readonly story: Story;
  /** The run made from this page, when it is still the story's last run in the log. */
  readonly pageRun: PageRun | null;
  /** A prediction round is open: statuses would give its answers away. */
  readonly hidden: boolean;
}) {
  const headingId = useId();
  const run = story.lastRun;
  const nameOf = (actionId: string) =>
    story.actions.find((action) => action.id === actionId)?.name ?? actionId;
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <h3 id={headingId} className="font-semibold text-base">
        Last run of <bdi>{story.name}</bdi>
      </h3>
      {run === null ? (
        <p className="text-slate-700 text-sm dark:text-slate-300">Not run yet.</p>
      ) : hidden ? (
        <p className="text-slate-700 text-sm dark:text-slate-300">
          Its statuses are {VERDICT_HIDDEN}.
        </p>
      ) : (
        <>
          <p className="text-slate-700 text-sm dark:text-slate-300">
            Ran at {formatUtc(run.at)}, logged as an event of the timeline.
            {pageRun === null
              ? ' The emitted events are kept for runs made since the page loaded; run it again to see them.'
              : ''}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Actions of the last run of {story.name}</caption>
              <thead>
                <tr>
                  <th scope="col" className={cellClass}>
                    Action
                  </th>
                  <th scope="col" className={cellClass}>
                    Status
                  </th>
                  <th scope="col" className={cellClass}>
                    Deciding rule
                  </th>
                  <th scope="col" className={cellClass}>
                    Why
                  </th>
                </tr>
              </thead>
              <tbody>
                {run.results.map((result) => {
                  const sent = pageRun?.actions.find((a) => a.actionId === result.actionId);
                  return (
                    <tr key={result.actionId} data-action-id={result.actionId}>
                      <th scope="row" className={`${cellClass} font-normal`}>
                        <bdi>{nameOf(result.actionId)}</bdi>
                      </th>
                      <td className={cellClass} data-status={result.status ?? 'not-sent'}>
                        {statusText(result)}
                      </td>
                      <td className={`${cellClass} font-mono text-xs`}>{result.rule}</td>
                      <td className={cellClass}>
                        {sent === undefined ? '' : notSentWhy(sent.outcome)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {pageRun?.actions.map((action) =>
            action.response === null ? null : (
              <details
                key={action.actionId}
                open={action.response.status >= 400}
                className="text-sm"
              >
                <summary className="cursor-pointer">
                  Emitted event of <bdi>{action.name}</bdi> ({action.response.status})
                </summary>
                <pre
                  data-emitted-by={action.actionId}
                  className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800"
                >
                  {JSON.stringify(
                    {
                      status: action.response.status,
                      headers: action.response.headers,
                      body: action.response.body,
                    },
                    null,
                    2,
                  )}
                </pre>
              </details>
            ),
          )}
          {pageRun !== null && (
            <p className="text-slate-600 text-xs dark:text-slate-400">
              Shape of the emitted event assumed: {'{ status, headers, body }'} (S14 says the
              response is emitted; its exact shape is not documented).
            </p>
          )}
        </>
      )}
    </section>
  );
}
