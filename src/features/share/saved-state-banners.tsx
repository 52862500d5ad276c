import { Button } from '../../components/button';
import { downloadText } from '../../components/download-file';
import { usePersistStatus } from '../../persist/persist-status';
import { currentPersistence } from '../../persist/persistence';
import { problemLines } from '../../share/state-document';

const bannerClass =
  'flex flex-col gap-2 rounded-md border-2 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950 text-sm dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100';

/** Saved data this console cannot read: kept, and never saved over, until the person chooses. */
function UnreadableBanner() {
  const unreadable = usePersistStatus((s) => s.unreadable);
  if (unreadable === null) return null;
  return (
    <section aria-label="Unreadable saved state" className={bannerClass}>
      <div role="alert">
        <p>
          <span className="font-semibold">The saved state could not be read</span>, so the console
          started without it. It is kept as it is, and nothing is saved over it, until you download
          or discard it.
        </p>
        <ul className="mt-1 list-disc pl-5">
          {[...new Set(problemLines(unreadable.problems))].map((line) => (
            <li key={line} className="break-words">
              {line}
            </li>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          onClick={() => downloadText('klc-unreadable-saved-state.json', unreadable.text)}
        >
          Download unreadable data
        </Button>
        <Button
          size="sm"
          variant="danger"
          onClick={() => currentPersistence()?.discardUnreadable()}
        >
          Discard unreadable data
        </Button>
      </div>
    </section>
  );
}

/** Another tab saved: this tab saves nothing until the person picks one of the two states. */
function OtherTabBanner() {
  const otherTab = usePersistStatus((s) => s.otherTab);
  if (!otherTab) return null;
  return (
    <section aria-label="Saved by another tab" className={bannerClass}>
      <p role="alert">
        <span className="font-semibold">Another tab changed the saved state.</span> This tab’s
        changes are not saved until you choose: load the other tab’s state (this tab’s unsaved
        changes are dropped), or keep this tab’s state (it is saved over the other tab’s).
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="primary"
          onClick={() => void currentPersistence()?.loadOtherTab()}
        >
          Load the other tab's state
        </Button>
        <Button size="sm" onClick={() => currentPersistence()?.keepThisTab()}>
          Keep this tab's state
        </Button>
      </div>
    </section>
  );
}

export function SavedStateBanners() {
  return (
    <>
      <UnreadableBanner />
      <OtherTabBanner />
    </>
  );
}
