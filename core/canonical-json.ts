/**
 * Canonical JSON (RFC 8785 style for the values we store): object keys sorted, no whitespace,
 * undefined members dropped. The event hash chain is computed over this text, so it must be stable
 * across engines and versions.
 *
 * Hot path (twice per event): one pass that appends to a string, no intermediate arrays, and the key
 * sort skipped when the keys already come in order. Its output is byte-identical to the plain
 * map/filter/sort/join definition kept as the oracle in tests/core/canonical-json.test.ts.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? arrayJson(value) : objectJson(value as Record<string, unknown>);
    default:
      throw new Error(`canonicalJson: unsupported ${typeof value}`);
  }
}

function arrayJson(a: unknown[]): string {
  let out = '[';
  for (let i = 0; i < a.length; i++) {
    if (i > 0) out += ',';
    // A hole is written as nothing (what join does with map's holes); an undefined element as null.
    if (!(i in a)) continue;
    const v = a[i];
    out += v === undefined ? 'null' : canonicalJson(v);
  }
  return out + ']';
}

function objectJson(obj: Record<string, unknown>): string {
  const keys = Object.keys(obj);
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      sorted = false;
      break;
    }
  }
  if (!sorted) keys.sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += first ? quotedKey(k) : `,${quotedKey(k)}`;
    out += `:${canonicalJson(v)}`;
    first = false;
  }
  return out + '}';
}

/** Quoted member names, cached: the same few dozen names recur in every event. */
const keyCache = new Map<string, string>();
function quotedKey(k: string): string {
  let q = keyCache.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (keyCache.size < 10_000) keyCache.set(k, q);
  }
  return q;
}
