/** Which view is showing, what is selected, the palette and the theme. */
import type { Slice } from './types';

export const VIEWS = ['claims', 'claim', 'sources', 'search', 'trash', 'briefings', 'calibration', 'transfer', 'settings'] as const;
export type View = (typeof VIEWS)[number];
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface NavSlice {
  view: View;
  claimId: string | null;
  sourceId: string | null;
  paletteOpen: boolean;
  theme: ThemeChoice;
  /** Polite announcement for screen readers (and the status bar). */
  announcement: string;
  go(view: View): void;
  openClaim(id: string): void;
  openSource(id: string): void;
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
  paletteOpen: false,
  theme: savedTheme(),
  announcement: '',
  go: (view) => set({ view }),
  openClaim: (id) => set({ view: 'claim', claimId: id, paletteOpen: false }),
  openSource: (id) => set({ view: 'sources', sourceId: id, paletteOpen: false }),
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
