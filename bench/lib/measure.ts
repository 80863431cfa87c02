/** Timing and memory helpers: percentiles, interleaved app/baseline runs, a memory high-water mark. */

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
    min: s[0] ?? NaN,
    max: s[s.length - 1] ?? NaN,
  };
}

/** High-water mark of rss and heapUsed, sampled whenever `sample()` is called (after every run). */
export class MemoryWatch {
  rss = 0;
  heap = 0;
  constructor() {
    this.sample();
  }
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
  }
  result(): { rssMB: number; heapMB: number } {
    this.sample();
    return { rssMB: Math.round(this.rss / 1e6), heapMB: Math.round(this.heap / 1e6) };
  }
}

export function timeOnce(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export interface PairOptions {
  warmup: number;
  runs: number;
  mem?: MemoryWatch;
}

/**
 * Runs app and baseline alternately (A B, then B A, …) so drift in machine load hits both sides
 * alike; warm-up rounds are run the same way and dropped. Each side gets the iteration number.
 */
export function interleave(app: (i: number) => unknown, base: (i: number) => unknown, o: PairOptions): { app: number[]; base: number[] } {
  const out = { app: [] as number[], base: [] as number[] };
  for (let i = 0; i < o.warmup + o.runs; i++) {
    const order = i % 2 === 0 ? (['app', 'base'] as const) : (['base', 'app'] as const);
    for (const side of order) {
      const ms = timeOnce(() => (side === 'app' ? app(i) : base(i)));
      if (i >= o.warmup) out[side].push(ms);
      o.mem?.sample();
    }
  }
  return out;
}

/** interleave for asynchronous sides (database round trips): the same alternating order and warm-up. */
export async function interleaveAsync(
  app: (i: number) => Promise<unknown>,
  base: (i: number) => Promise<unknown>,
  o: PairOptions,
): Promise<{ app: number[]; base: number[] }> {
  const out = { app: [] as number[], base: [] as number[] };
  for (let i = 0; i < o.warmup + o.runs; i++) {
    const order = i % 2 === 0 ? (['app', 'base'] as const) : (['base', 'app'] as const);
    for (const side of order) {
      const t0 = performance.now();
      await (side === 'app' ? app(i) : base(i));
      if (i >= o.warmup) out[side].push(performance.now() - t0);
      o.mem?.sample();
    }
  }
  return out;
}
