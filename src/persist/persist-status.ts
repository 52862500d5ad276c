/**
 * What the saved-state banners show: saved data this console cannot read (kept until the person
 * downloads or discards it), and a save made by another tab (until the person loads it or keeps
 * this tab's state). Written by `persistence.ts`, read by the Share and import panel.
 */
import { create } from 'zustand';
import type { DocumentProblem } from '../core/document/document';

export interface UnreadableSave {
  /** The stored text, exactly as found, for the download. */
  readonly text: string;
  readonly problems: readonly DocumentProblem[];
}

export interface PersistStatus {
  readonly unreadable: UnreadableSave | null;
  /** Another tab saved its state; this tab saves nothing until the person chooses. */
  readonly otherTab: boolean;
}

export const usePersistStatus = create<PersistStatus>()(() => ({
  unreadable: null,
  otherTab: false,
}));
