/**
 * Reading schema.org JSON-LD as publishers write it, in the import's synchronous path: the
 * documents of an HTML page's `<script type="application/ld+json">` blocks, and one normal form for
 * the ways the same data is spelled — compacted with `"@context": "https://schema.org"`, expanded
 * (full IRIs, `[{"@value": …}]`), or with a `schema:` (or any other) prefix the document's context
 * binds to schema.org. Keys and types become schema.org's short terms, ClaimTrail's own terms
 * (urn:claimtrail:terms:) become `ct:…`, value objects become their values.
 *
 * jsonld.js is the reference: tests/interop/claimreview.test.ts compacts every fixture with jsonld.js
 * and the bundled schema.org context and checks that the import reads the same claims from its
 * output as from the file. (jsonld.js itself is asynchronous; the import runs inside one SQLite
 * transaction and stays synchronous.)
 */
import { parserLibraries } from './libraries';
import { CT_VOCAB } from './to-claimreview';

const SCHEMA = /^https?:\/\/schema\.org\/?$/i;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Prefixes a context binds to schema.org (`{"schema": "http://schema.org/"}`) or to ClaimTrail's terms. */
function prefixes(ctx: unknown, into: Map<string, string>): void {
  for (const c of Array.isArray(ctx) ? ctx : [ctx])
    if (typeof c === 'string' && SCHEMA.test(c)) {
      // schema.org's own context makes "type" and "id" aliases of @type and @id (jsonld.js compacts to them)
      // and binds the prefix "schema" (jsonld.js writes "schema:datePublished" for an untyped date).
      into.set('@alias:type', '@type');
      into.set('@alias:id', '@id');
      into.set('schema', '');
    } else if (isObj(c))
      for (const [k, v] of Object.entries(c)) {
        const iri = typeof v === 'string' ? v : isObj(v) && typeof v['@id'] === 'string' ? v['@id'] : null;
        if (!iri || k.startsWith('@')) continue;
        if (iri === '@type' || iri === '@id') into.set(`@alias:${k}`, iri);
        if (SCHEMA.test(iri)) into.set(k, '');
        else if (iri === CT_VOCAB) into.set(k, 'ct:');
      }
}

function term(key: string, pre: Map<string, string>): string {
  if (key.startsWith('@')) return key;
  const alias = pre.get(`@alias:${key}`);
  if (alias) return alias;
  const full = /^https?:\/\/schema\.org\/(.+)$/i.exec(key);
  if (full) return full[1]!;
  if (key.startsWith(CT_VOCAB)) return `ct:${key.slice(CT_VOCAB.length)}`;
  const i = key.indexOf(':');
  if (i > 0 && pre.has(key.slice(0, i))) return `${pre.get(key.slice(0, i))}${key.slice(i + 1)}`;
  return key;
}

/** The document in schema.org short terms (see the module comment). */
export function normalizeLd(doc: unknown, inherited: Map<string, string> = new Map()): unknown {
  if (Array.isArray(doc)) return doc.map((d) => normalizeLd(d, inherited));
  if (!isObj(doc)) return doc;
  if ('@value' in doc) return doc['@value'];
  if ('@list' in doc) return normalizeLd(doc['@list'], inherited);
  const pre = new Map(inherited);
  if (doc['@context'] !== undefined) prefixes(doc['@context'], pre);
  const out: Obj = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === '@context') continue;
    const t = term(k, pre);
    out[t] = t === '@type' ? (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? term(x, pre) : x)) : typeof v === 'string' ? term(v, pre) : v) : normalizeLd(v, pre);
  }
  return out;
}

/** The text of each `<script type="application/ld+json">` of an HTML page, in order (parsed by linkedom). */
export function ldScripts(html: string): string[] {
  const { document } = parserLibraries().parseHTML(html);
  return [...document.querySelectorAll('script')]
    .filter((s) => (s.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json')
    .map((s) => s.textContent ?? '');
}

export const looksLikeHtml = (content: string): boolean => /^\s*(?:<!doctype html|<html|<head|<body|<script|<meta|<!--)/i.test(content);
