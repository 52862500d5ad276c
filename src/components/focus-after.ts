/**
 * Where focus goes when the control that had it goes away (WCAG 2.4.3): never to <body>. Each
 * waits a frame, so that the change that removed the control is drawn first.
 */

const CONTROL = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled])';

/** The open view's heading: the place every view has. */
export function focusViewHeading(): void {
  requestAnimationFrame(() => document.getElementById('view-heading')?.focus());
}

/** The first control of the row after `row`, else of the row before it, else the view's heading. */
export function focusNearRow(row: Element | null): void {
  requestAnimationFrame(() => {
    const target =
      row?.nextElementSibling?.querySelector<HTMLElement>(CONTROL) ??
      row?.previousElementSibling?.querySelector<HTMLElement>(CONTROL) ??
      document.getElementById('view-heading');
    target?.focus();
  });
}

/** The first element matching `selector`, once drawn, else the view's heading. */
export function focusOrViewHeading(selector: string): void {
  requestAnimationFrame(() => {
    (
      document.querySelector<HTMLElement>(selector) ?? document.getElementById('view-heading')
    )?.focus();
  });
}
