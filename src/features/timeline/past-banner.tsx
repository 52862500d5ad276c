import { Button } from '../../components/button';
import { focusViewHeading } from '../../components/focus-after';
import { formatCount } from '../../components/search-box';
import { useTenantStore } from '../../store/tenant-store';

/**
 * Above the open view while the cursor is in the past, so no one takes an earlier moment for the
 * present. Back to the present removes it: focus goes to the view's heading.
 */
export function PastBanner() {
  const cursor = useTenantStore((s) => s.cursor);
  const total = useTenantStore((s) => s.events.length);
  const goTo = useTenantStore((s) => s.goTo);
  if (cursor >= total) return null;
  return (
    <section
      aria-label="Earlier moment"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border-2 border-amber-500 border-dashed bg-amber-50 px-3 py-2 text-amber-950 text-sm dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        <span className="font-semibold">Viewing an earlier moment</span> (event{' '}
        {formatCount(cursor)} of {formatCount(total)}). Changes made now drop the later events.
      </p>
      <Button
        variant="primary"
        size="sm"
        onClick={() => {
          goTo(useTenantStore.getState().events.length);
          focusViewHeading();
        }}
      >
        Back to the present
      </Button>
    </section>
  );
}
