/**
 * The tasks runInWorkerSync (run-sync.ts) can run, by name. Each loads its module only inside the task
 * worker, so the caller never pays for pdf.js or mammoth. Add a task with one line here.
 */
export const tasks = {
  extract: () => import('./extract/task').then((m) => m.extractTask),
  fetch: () => import('./fetch/task').then((m) => m.fetchTask),
  teamSync: () => import('../team/task').then((m) => m.teamSyncTask),
};

export type TaskName = keyof typeof tasks;
type TaskFn<K extends TaskName> = Awaited<ReturnType<(typeof tasks)[K]>>;
export type TaskInput<K extends TaskName> = Parameters<TaskFn<K>>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<TaskFn<K>>>;

/** Given to a task: reports progress to the caller (forwarded to RunSyncOptions.onProgress). */
export interface TaskContext {
  progress(done: number, total: number, label: string): void;
}
