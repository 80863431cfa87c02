/** One zustand store built from per-area slices (the zustand slices pattern). */
import { create } from 'zustand';
import { createCaseSlice } from './case';
import { createDetailSlice } from './detail';
import { createListSlice } from './list';
import { createNavSlice } from './nav';
import { createSearchSlice } from './search';
import type { AppState } from './types';

export const useApp = create<AppState>()((...a) => ({
  ...createNavSlice(...a),
  ...createListSlice(...a),
  ...createDetailSlice(...a),
  ...createSearchSlice(...a),
  ...createCaseSlice(...a),
}));

export type { AppState };
