/**
 * Running stories from the page: each HTTP Request action's request goes out through the page's
 * own `fetch`, so the simulated API's service worker answers it exactly as it answers a test's
 * `page.evaluate(fetch)` or the request console. The credential is resolved when the action runs
 * [documented S13], from the tenant as the earlier actions left it, with the same pure
 * `prepareAction` and `outcomeOf` the core's `runStory` uses (the property tests hold those to
 * the plan). The run is then logged as one `story_run_recorded` event, so it shows in the
 * timeline and undoes like any change.
 *
 * Each action's response is its emitted event [documented S14; the `{ status, headers, body }`
 * shape is assumed]. The log keeps each action's status and deciding rule; the emitted events of
 * the runs made since the page loaded are kept here, outside the log, to show beside them.
 */

import { create } from 'zustand';
import { pageUrlOf } from '../../api/api-base';
import { useApiStatus } from '../../api/api-status';
import { startSimulatedApi } from '../../api/simulated-api';
import type { ApiRequest, ApiResponse } from '../../core/api/api-types';
import {
  type ActionRun,
  actionResults,
  actionRun,
  prepareAction,
} from '../../core/automation/run-story';
import { recordStoryRun } from '../../core/commands';
import type { TenantEvent } from '../../core/events';
import type { StoryId } from '../../core/model';
import { selectTenant, useTenantStore } from '../../store/tenant-store';

/** A run made from this page: its actions as they went, and the log position of its record. */
export interface PageRun {
  readonly storyId: StoryId;
  readonly actions: readonly ActionRun[];
  /** Its `story_run_recorded` event, and where it is in the log. */
  readonly event: TenantEvent;
  readonly eventIndex: number;
}

export type RunProgress = {
  readonly done: number;
  readonly total: number;
  /** The story running now, by name. */
  readonly current: string;
};

interface StoryRunsState {
  /** The latest run of each story made from this page. */
  readonly runs: ReadonlyMap<StoryId, PageRun>;
  /** The story whose run the details panel shows (the last one run, or one picked). */
  readonly shown: StoryId | null;
  /** Set while _Run story_ or _Run all_ is going. */
  readonly progress: RunProgress | null;
  readonly cancelled: boolean;
}

export const useStoryRuns = create<StoryRunsState>()(() => ({
  runs: new Map(),
  shown: null,
  progress: null,
  cancelled: false,
}));

export type RunResult =
  | { readonly ok: true; readonly run: PageRun }
  | { ok: false; reason: string };

function refuse(reason: string): RunResult {
  useTenantStore.getState().showNotice('error', reason);
  return { ok: false, reason };
}

/** The response as the core's `ApiResponse`: lower-cased header names, the body parsed. */
async function readResponse(response: Response): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await response.text();
  let body: unknown = text === '' ? null : text;
  if (text !== '' && response.headers.get('content-type')?.includes('json') === true) {
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON after all: the text is the body.
    }
  }
  return { status: response.status, headers, body };
}

async function send(request: ApiRequest): Promise<ApiResponse> {
  const response = await fetch(pageUrlOf(request.url), {
    method: request.method,
    headers: Object.entries(request.headers),
    body: request.body,
  });
  return readResponse(response);
}

/** Why the page cannot run a story now, or null. */
function blocked(): string | null {
  const { cursor, events } = useTenantStore.getState();
  if (cursor < events.length) {
    return `The console is showing an earlier moment, with ${events.length - cursor} later events; return to the present (Redo, or the last event of the timeline) to run stories.`;
  }
  const { status } = useApiStatus.getState();
  if (status.state === 'failed') {
    return `Stories run through the simulated API, which did not start: ${status.reason}`;
  }
  return null;
}

/** Run one story's actions in order through the simulated API and log the run. */
export async function runStoryThroughApi(storyId: StoryId): Promise<RunResult> {
  await startSimulatedApi();
  const why = blocked();
  if (why !== null) return refuse(why);
  const story = selectTenant(useTenantStore.getState()).stories.get(storyId);
  if (story === undefined || story.deletedAt !== null) {
    return refuse(`There is no story "${storyId}" to run (it was deleted).`);
  }
  const actions: ActionRun[] = [];
  for (const action of story.actions) {
    // Each action is prepared against the tenant the earlier ones left (a POST may change it).
    const tenant = selectTenant(useTenantStore.getState());
    const prepared = prepareAction(tenant, story, action);
    if (prepared.kind !== 'send') {
      actions.push(actionRun(action, prepared, null));
      continue;
    }
    let response: ApiResponse;
    try {
      response = await send(prepared.request);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return refuse(
        `${story.name} stopped at ${action.name}: the request did not complete (${reason}). The run was not recorded.`,
      );
    }
    if (response.headers['x-simulator-rule'] === undefined) {
      return refuse(
        `${story.name} stopped at ${action.name}: the simulated API did not answer (status ${response.status} from the server). The run was not recorded.`,
      );
    }
    actions.push(actionRun(action, prepared, response));
  }
  const store = useTenantStore.getState();
  const result = store.dispatch((tenant) =>
    recordStoryRun(tenant, storyId, actionResults(actions)),
  );
  if (!result.ok) return result;

  const { events, cursor } = useTenantStore.getState();
  const event = events[cursor - 1] as TenantEvent;
  const run: PageRun = { storyId, actions, event, eventIndex: cursor - 1 };
  useStoryRuns.setState((state) => ({
    runs: new Map(state.runs).set(storyId, run),
    shown: storyId,
  }));
  return { ok: true, run };
}

/**
 * Run stories one after another, showing which and how far; _Cancel_ stops before the next one
 * (a run already logged stays logged: each is its own event). Resolves to how many ran.
 */
export async function runStories(
  stories: ReadonlyArray<{ readonly id: StoryId; readonly name: string }>,
): Promise<number> {
  if (useStoryRuns.getState().progress !== null) return 0;
  useStoryRuns.setState({ cancelled: false });
  let done = 0;
  try {
    for (const story of stories) {
      if (useStoryRuns.getState().cancelled) break;
      useStoryRuns.setState({ progress: { done, total: stories.length, current: story.name } });
      const result = await runStoryThroughApi(story.id);
      if (!result.ok) break;
      done += 1;
    }
  } finally {
    useStoryRuns.setState({ progress: null, cancelled: false });
  }
  return done;
}

export function cancelRuns(): void {
  if (useStoryRuns.getState().progress !== null) useStoryRuns.setState({ cancelled: true });
}
