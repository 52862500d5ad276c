import { Button } from '../components/button';
import { useTenantStore } from '../store/tenant-store';

/**
 * Refusals and messages for the person at the console, announced as they appear. The `alert`'s
 * text starts with the message, as the README promises (`The shared link was not opened, …`).
 */
export function NoticeBanner() {
  const notice = useTenantStore((s) => s.notice);
  const dismiss = useTenantStore((s) => s.dismissNotice);
  return (
    <div role="alert">
      {notice === null ? null : (
        <div
          className={`flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm ${
            notice.tone === 'error'
              ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
              : 'border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100'
          }`}
        >
          {/* The alert's text is the message itself (the README's contract quotes it); the
              tone shows in its colour and in a sign drawn by CSS, which is not in the text. */}
          <p
            className={
              notice.tone === 'error'
                ? "before:mr-2 before:font-semibold before:content-['⚠']"
                : "before:mr-2 before:font-semibold before:content-['ℹ']"
            }
          >
            {notice.message}
          </p>
          <Button size="sm" variant="ghost" onClick={dismiss}>
            Dismiss
          </Button>
        </div>
      )}
    </div>
  );
}
