/** The stand-in's recorder and its strict objects: every call is recorded; any member not implemented throws. */
import { IMPLEMENTED, type ApiName } from './implemented';

export interface Call {
  api: string;
  args: unknown[];
}

/** JavaScript's own probes (promise resolution, printing, module interop): not Electron APIs. */
const PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '__esModule', 'prototype', 'constructor']);

export class Recorder {
  readonly calls: Call[] = [];
  /** Electron APIs the shell asked for that the stand-in does not implement (each also threw). */
  readonly misses: string[] = [];

  record(api: string, args: unknown[]): void {
    this.calls.push({ api, args });
  }

  miss(api: string): never {
    this.misses.push(api);
    throw new Error(`The Electron stand-in does not implement ${api}: add it to tests/electron/stand-in (checked against electron.d.ts) before the shell may use it.`);
  }

  /** The recorded calls of one API, e.g. 'IpcMain.handle'. */
  of(api: string): Call[] {
    return this.calls.filter((c) => c.api === api);
  }

  /** Position of the first call of an API matching `pred` (−1 when never called). */
  indexOf(api: string, pred: (args: unknown[]) => boolean = () => true): number {
    return this.calls.findIndex((c) => c.api === api && pred(c.args));
  }
}

/**
 * Wraps a stand-in object so that only the members listed in IMPLEMENTED answer (statics for a
 * class's static side); method calls are recorded as 'Api.member'. `on`/`once` accept only the
 * events the stand-in emits.
 */
export function strict<T extends object>(rec: Recorder, apis: ApiName | ApiName[], target: T, side: 'members' | 'statics' = 'members'): T {
  const list = Array.isArray(apis) ? apis : [apis];
  const api = list.join('&');
  const specs = list.map((a) => IMPLEMENTED[a] as { members: readonly string[]; statics?: readonly string[]; events?: readonly string[] });
  const allowed = specs.flatMap((s) => (side === 'members' ? s.members : s.statics) ?? []);
  const spec = { events: specs.find((s) => s.events)?.events };
  const name = (prop: string) => `${api}.${prop}`;
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'symbol' || PROBES.has(prop)) return Reflect.get(t, prop, t) as unknown;
      if (!allowed.includes(prop)) rec.miss(name(prop));
      const value = Reflect.get(t, prop, t) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if ((prop === 'on' || prop === 'once') && spec.events && !spec.events.includes(String(args[0]))) rec.miss(`${api}.${prop}('${String(args[0])}')`);
        rec.record(name(prop), args);
        return (value as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
    set(t, prop, value) {
      if (typeof prop === 'symbol') return Reflect.set(t, prop, value as unknown);
      return rec.miss(`${name(prop)} (assignment)`);
    },
  });
}

/** Electron's Event<Params>: preventDefault plus the params, as a strict object. */
export function electronEvent<P extends object>(rec: Recorder, params: P, paramsApi?: ApiName): { preventDefault(): void; readonly defaultPrevented: boolean } & P {
  const state = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      state.defaultPrevented = true;
    },
  };
  return strict(rec, paramsApi ? ['Event', paramsApi] : 'Event', state);
}
