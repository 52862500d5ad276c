import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal built on <dialog>: the browser gives it focus trapping, Escape and the backdrop.
 * It is rendered only while open; closing (Escape, a button) calls `onClose`.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
}: {
  /** Names quoted in it go in <bdi>, so that none reorders the title around it. */
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    // The dialog is removed from the page while open, so the browser cannot return focus by
    // itself: remember what had it, and give it back (WCAG 2.4.3).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal; the open attribute keeps component tests meaningful there.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="font-semibold text-lg">
          {title}
        </h2>
        {description === undefined ? null : (
          <div id={descriptionId} className="text-slate-700 text-sm dark:text-slate-300">
            {description}
          </div>
        )}
        {children}
      </div>
    </dialog>
  );
}
