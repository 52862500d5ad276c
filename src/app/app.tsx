import { Suspense } from 'react';
import { lazyNamed } from '../components/lazy-named';
import { ShowLazily } from '../components/show-lazily';
import { useDockedLesson } from '../features/lessons/lesson-store';
import { useViewStore } from '../navigation/view-store';
import { usePersistStatus } from '../persist/persist-status';
import { useTenantStore } from '../store/tenant-store';
import { AppHeader } from './app-header';
import { useAskStore } from './ask-store';
import { ConsoleNav } from './console-nav';
import { ViewOutlet } from './view-outlet';

const BusyMessage = lazyNamed(() => import('./loading-message'), 'BusyMessage');

/**
 * Announces a generated scenario while it is built, or a far move of the timeline: the status
 * region stays mounted so that the message, loaded with the first such work, is heard when it
 * appears.
 */
function LoadingStatus() {
  const busy = useTenantStore((s) => s.loading !== null || s.travelling !== null);
  return (
    <div role="status" className="empty:sr-only">
      <ShowLazily when={busy}>
        <BusyMessage />
      </ShowLazily>
    </div>
  );
}

const SavedStateBanners = lazyNamed(() => import('./after-render'), 'SavedStateBanners');

/** Saved data this console cannot read, or another tab's save: loaded only when there is one. */
function SavedStateSlot() {
  const shown = usePersistStatus((s) => s.unreadable !== null || s.otherTab);
  return (
    <ShowLazily when={shown}>
      <SavedStateBanners />
    </ShowLazily>
  );
}

const NoticeBanner = lazyNamed(() => import('./notice-banner'), 'NoticeBanner');

/** A refusal or a message: its banner (an `alert`, announced as it appears) loads with the first. */
function NoticeSlot() {
  const shown = useTenantStore((s) => s.notice !== null);
  return (
    <ShowLazily when={shown}>
      <NoticeBanner />
    </ShowLazily>
  );
}

const AskingSlot = lazyNamed(() => import('./asking-slot'), 'AskingSlot');

/** A question before work is dropped, and the banner that brings it back: loaded with the first. */
function AskSlot() {
  const shown = useAskStore((s) => s.question !== null || s.replaced !== null);
  return (
    <ShowLazily when={shown}>
      <AskingSlot />
    </ShowLazily>
  );
}

const PastBanner = lazyNamed(() => import('../features/timeline/past-banner'), 'PastBanner');

/** "Viewing an earlier moment": loaded when the cursor first leaves the present. */
function PastBannerSlot() {
  const past = useTenantStore((s) => s.cursor < s.events.length);
  return (
    <ShowLazily when={past}>
      <PastBanner />
    </ShowLazily>
  );
}

const LessonReminder = lazyNamed(
  () => import('../features/lessons/lesson-reminder'),
  'LessonReminder',
);

/** A lesson runs on Lifecycle while another view is open: loaded only then. */
function LessonReminderSlot() {
  const lesson = useDockedLesson();
  const view = useViewStore((s) => s.view);
  return (
    <ShowLazily when={lesson !== null && view !== 'lifecycle'}>
      <LessonReminder />
    </ShowLazily>
  );
}

// Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z from every view: bound just after the first paint.
const UndoShortcuts = lazyNamed(
  () => import('../features/timeline/undo-shortcuts'),
  'UndoShortcuts',
);

/**
 * The shell: a skip link, the header, the `Console` navigation and one view in `main`. Banners
 * that concern every view (an earlier moment, a refusal, a scenario loading, saved data) sit
 * above the view.
 */
export function App() {
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-blue-700 px-3 py-2 font-medium text-sm text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>
      <Suspense fallback={null}>
        <UndoShortcuts />
      </Suspense>
      <AppHeader />
      <ConsoleNav />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto flex max-w-screen-2xl flex-col gap-3 px-4 py-3 focus:outline-none"
      >
        <PastBannerSlot />
        <AskSlot />
        <NoticeSlot />
        <LoadingStatus />
        <SavedStateSlot />
        <LessonReminderSlot />
        <ViewOutlet />
      </main>
      <footer className="mx-auto max-w-screen-2xl px-4 pb-6 text-slate-600 text-xs dark:text-slate-400">
        A simulator for training and testing. It is not affiliated with Tines; rules marked
        “Assumed” are this simulator’s choices where the vendor documents nothing.
      </footer>
    </>
  );
}
