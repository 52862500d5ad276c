import { useEffect } from 'react';
import { useTenantStore } from '../../store/tenant-store';

/** Where Ctrl+Z belongs to the browser: text fields and the like keep their own undo. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !==
    null
  );
}

/** A dialog has the person's attention (and the focus trap): the page behind it stays still. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]') !== null;
}

/**
 * Ctrl+Z / Cmd+Z undoes and Shift+Ctrl+Z / Shift+Cmd+Z redoes, anywhere on the page except in a
 * field (native undo there) or while a dialog is open.
 */
export function useUndoShortcuts(undo: () => void, redo: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.altKey) return;
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      if (isEditable(event.target) || isEditable(document.activeElement) || dialogOpen()) return;
      event.preventDefault();
      if (event.shiftKey) redo();
      else undo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);
}

/**
 * The shortcuts for the whole console, bound to the store's undo and redo. A component so that
 * the shell can load it as its own chunk after the first paint.
 */
export function UndoShortcuts(): null {
  const undo = useTenantStore((s) => s.undo);
  const redo = useTenantStore((s) => s.redo);
  useUndoShortcuts(undo, redo);
  return null;
}
