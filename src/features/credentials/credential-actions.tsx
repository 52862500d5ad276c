import { Suspense, useRef, useState } from 'react';
import { Button } from '../../components/button';
import { lazyNamed } from '../../components/lazy-named';
import type { CredentialRow } from './credential-rows';

// The dialogs are loaded on first use (and fetched while idle once the view is drawn): they are
// not needed to draw the table.
const RotateCredentialDialog = lazyNamed(
  () => import('./rotate-credential-dialog'),
  'RotateCredentialDialog',
);
const SharingDialog = lazyNamed(() => import('./sharing-dialog'), 'SharingDialog');
const DeleteCredentialDialog = lazyNamed(
  () => import('./delete-credential-dialog'),
  'DeleteCredentialDialog',
);

/** Fetch the row dialogs and Create credential's ahead of need. */
export function prefetchCredentialDialogs(): Promise<unknown> {
  return Promise.all([
    import('./create-credential-dialog'),
    import('./rotate-credential-dialog'),
    import('./sharing-dialog'),
    import('./delete-credential-dialog'),
  ]);
}

const CONTROL = 'button:not([disabled])';

/**
 * After a deletion the row stays (as `Missing`) but loses its buttons: focus goes to the first
 * button of the nearest row after it that has one, else before it, else the view's heading
 * (WCAG 2.4.3: never to <body>).
 */
export function focusNearestLiveRow(row: Element | null): void {
  requestAnimationFrame(() => {
    const from = (start: Element | null | undefined, step: (e: Element) => Element | null) => {
      for (let each = start; each; each = step(each)) {
        const control = each.querySelector<HTMLElement>(CONTROL);
        if (control !== null) return control;
      }
      return null;
    };
    const target =
      from(row?.nextElementSibling, (e) => e.nextElementSibling) ??
      from(row?.previousElementSibling, (e) => e.previousElementSibling) ??
      document.getElementById('view-heading');
    target?.focus();
  });
}

type Open = 'rotate' | 'sharing' | 'delete' | null;

/**
 * A live credential's `Rotate`, `Sharing` and `Delete`. Each button's name ends with the
 * credential's (e.g. "Rotate Jane personal API key"), so that every name in the table is unique;
 * a deleted credential has none.
 */
export function CredentialActions({ row }: { row: CredentialRow }) {
  const [open, setOpen] = useState<Open>(null);
  // The row the dialog was opened from: after a deletion focus goes on from it.
  const rowElement = useRef<Element | null>(null);
  const { credential, label } = row;
  if (credential.deletedAt !== null) {
    // Deleted while a dialog was open (Undo, the Timeline): it must not come back with the row.
    if (open !== null) setOpen(null);
    return <span className="text-slate-600 text-xs dark:text-slate-400">Deleted</span>;
  }
  const opener = (which: Exclude<Open, null>) => (event: { currentTarget: Element }) => {
    rowElement.current = event.currentTarget.closest('tr');
    setOpen(which);
  };
  const close = () => setOpen(null);
  // The name is for assistive technology; the visible text stays short. The space before it
  // must be outside the hidden span: a leading space inside would be dropped from the name.
  const named = (
    <span className="sr-only">
      <bdi>{label}</bdi>
    </span>
  );
  return (
    <div className="flex flex-nowrap gap-1">
      <Button size="sm" onClick={opener('rotate')}>
        Rotate {named}
      </Button>
      <Button size="sm" variant="ghost" onClick={opener('sharing')}>
        Sharing{' '}
        <span className="sr-only">
          of <bdi>{label}</bdi>
        </span>
      </Button>
      <Button size="sm" variant="ghost" onClick={opener('delete')}>
        Delete {named}
      </Button>
      <Suspense fallback={null}>
        {open === 'rotate' ? (
          <RotateCredentialDialog credential={credential} label={label} onClose={close} />
        ) : null}
        {open === 'sharing' ? (
          <SharingDialog credential={credential} label={label} onClose={close} />
        ) : null}
        {open === 'delete' ? (
          <DeleteCredentialDialog
            credential={credential}
            label={label}
            onClose={close}
            onDeleted={() => {
              close();
              focusNearestLiveRow(rowElement.current);
            }}
          />
        ) : null}
      </Suspense>
    </div>
  );
}
