import type { StateCreator } from 'zustand';
import type { CaseSlice } from './case';
import type { DetailSlice } from './detail';
import type { ListSlice } from './list';
import type { NavSlice } from './nav';
import type { SearchSlice } from './search';

export type AppState = NavSlice & ListSlice & DetailSlice & SearchSlice & CaseSlice;
export type Slice<T> = StateCreator<AppState, [], [], T>;
