/**
 * Which view the console shows. The address is the truth (`?view=`, see view-param.ts): a link
 * pushes a history entry, back and forward come back through `popstate`, and a reload or a
 * bookmark reads the address again. This store mirrors it for React, and counts navigations so
 * that the view's heading takes focus after each one (not on the first load).
 */
import { create } from 'zustand';
import { DEFAULT_VIEW, readViewParam, type ViewId, viewLink, withView } from './view-param';

export interface ViewState {
  readonly view: ViewId;
  /** Bumped by every navigation that should move focus to the view's heading. */
  readonly focusToken: number;
}

export const useViewStore = create<ViewState>()(() => ({ view: DEFAULT_VIEW, focusToken: 0 }));

export interface NavigateOptions {
  /** Move focus to the view's heading once it is drawn (default true). */
  readonly focus?: boolean;
}

/** Show `view`: a new history entry (unless it is already shown), focus on its heading. */
export function navigate(view: ViewId, { focus = true }: NavigateOptions = {}): void {
  const current = useViewStore.getState();
  if (current.view !== view) {
    window.history.pushState(null, '', viewLink(window.location.href, view));
  }
  useViewStore.setState({
    view,
    focusToken: focus ? current.focusToken + 1 : current.focusToken,
  });
}

/**
 * Reads the view from the address at start-up and follows back and forward. A problem with the
 * address (an unknown view, views that disagree) goes to `report` and the address is rewritten
 * as the console reads it, so a reload does not report it again. Returns the function that stops
 * following the history (tests).
 */
export function initialiseViewFromUrl(
  report: (problem: string) => void,
  onHistoryMove: () => void = () => {},
): () => void {
  const read = (focus: boolean) => {
    const reading = readViewParam(window.location.search);
    if (reading.problem !== null) report(reading.problem);
    if (!reading.canonical) {
      window.history.replaceState(
        window.history.state,
        '',
        withView(window.location.href, reading.view),
      );
    }
    const { focusToken } = useViewStore.getState();
    useViewStore.setState({ view: reading.view, focusToken: focus ? focusToken + 1 : focusToken });
  };
  read(false);
  const onPopState = () => {
    read(true);
    onHistoryMove();
  };
  window.addEventListener('popstate', onPopState);
  return () => window.removeEventListener('popstate', onPopState);
}
