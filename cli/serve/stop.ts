/**
 * How web mode ends: on SIGINT or SIGTERM it closes the server and the case. When the database worker
 * is stuck inside one SQLite statement (a hostile query), JavaScript cannot stop that thread and Node
 * cannot exit normally while it runs, so the signal is raised again with its default action: the
 * process ends at once, as any program killed by that signal (SQLite's journal keeps the case safe).
 * A second Ctrl+C during closing does the same.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function stopOnSignal(close: () => Promise<{ stuck: boolean }>): Promise<void> {
  return new Promise((done) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const s of SIGNALS) process.off(s, stop);
      void close().then(({ stuck }) => {
        if (stuck) process.kill(process.pid, signal);
        else done();
      });
    };
    for (const s of SIGNALS) process.on(s, stop);
  });
}
