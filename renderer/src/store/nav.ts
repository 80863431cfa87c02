/** Which view is showing, what is selected, the palette and the theme. */
import type { Slice } from './types';

export const VIEWS = ['claims', 'claim', 'sources', 'search', 'trash', 'briefings', 'calibration', 'transfer', 'settings', 'document', 'analysis', 'duplicates', 'conflicts'] as const;
export type View = (typeof VIEWS)[number];
export type ThemeChoice = 'system' | 'light' | 'dark';

/** What the document viewer shows: a source's capture (null: its newest), optionally one quote highlighted. */
export interface DocumentTarget {
  sourceId: string;
  captureId: string | null;
  evidenceId: string | null;
  /** Open at this page when no quote is highlighted (a search hit in a document). */
  page?: number;
}

export interface NavSlice {
  view: View;
  claimId: string | null;
  sourceId: string | null;
  documentTarget: DocumentTarget | null;
  paletteOpen: boolean;
  theme: ThemeChoice;
  /** Polite announcement for screen readers (and the status bar). */
  announcement: string;
  go(view: View): void;
  openClaim(id: string): void;
  openSource(id: string): void;
  /** Opens the document viewer on a source's capture (and a quote of it). */
  openDocument(target: DocumentTarget): void;
  setPaletteOpen(open: boolean): void;
  setTheme(theme: ThemeChoice): void;
  announce(message: string): void;
}

const THEME_KEY = 'claimtrail.theme';

function savedTheme(): ThemeChoice {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

export const createNavSlice: Slice<NavSlice> = (set) => ({
  view: 'claims',
  claimId: null,
  sourceId: null,
  documentTarget: null,
  paletteOpen: false,
  theme: savedTheme(),
  announcement: '',
  go: (view) => set({ view }),
  openClaim: (id) => set({ view: 'claim', claimId: id, paletteOpen: false }),
  openSource: (id) => set({ view: 'sources', sourceId: id, paletteOpen: false }),
  openDocument: (target) => set({ view: 'document', sourceId: target.sourceId, documentTarget: target, paletteOpen: false }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setTheme: (theme) => {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      /* storage may be unavailable */
    }
    set({ theme });
  },
  announce: (announcement) => set({ announcement }),
});
