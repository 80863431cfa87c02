/** Runs a change through the api, then announces it and refreshes everything that shows case data. */
import { errorMessage } from '../api/client';
import type { RefreshScope } from './detail';
import { useApp } from './index';

/** Returns null on success, else the error message to show next to the control. */
export async function mutate(run: () => Promise<unknown>, done: string, scope: RefreshScope = 'all'): Promise<string | null> {
  try {
    await run();
  } catch (e) {
    return errorMessage(e);
  }
  const s = useApp.getState();
  s.announce(done);
  await s.refreshAfterChange(scope);
  return null;
}
