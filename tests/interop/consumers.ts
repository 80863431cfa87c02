/**
 * The real consumers the interop tests run: ajv with the official CSL-JSON schema, citeproc-js with
 * the APA style and en-US locale that citation-js ships, jsonld.js with the bundled schema.org context
 * (no network), and the third-party files (see tests/fixtures/interop/README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { it } from 'vitest';
import Ajv from 'ajv';
// @ts-expect-error citeproc ships no types
import CSL from 'citeproc';

const ROOT = resolve(__dirname, '../..');

const CANDIDATES = [process.env.CT_INTEROP_DATA, join(ROOT, '../shared/data/interop'), '/work/shared/data/interop'].filter((d): d is string => !!d);
/** The folder of third-party files: $CT_INTEROP_DATA, else shared/data/interop beside the repository; null where it is absent. */
export const THIRD_PARTY_DIR: string | null = CANDIDATES.find((d) => existsSync(join(d, 'csl-data.json'))) ?? null;

/**
 * A test that reads third-party files (the official CSL schema and the schema.org context are among
 * them): it runs where the folder is and is reported as SKIPPED, never as passed, where it is not.
 * Those files may not be committed here (tests/fixtures/interop/README.md lists them and their origin).
 */
export const withThirdParty: typeof it = it.skipIf(THIRD_PARTY_DIR === null) as typeof it;
if (THIRD_PARTY_DIR === null)
  console.warn(`interop: third-party files not found (looked in ${CANDIDATES.join(', ')}); the tests that need them are skipped — see tests/fixtures/interop/README.md`);

export function thirdPartyDir(): string {
  if (!THIRD_PARTY_DIR) throw new Error(`third-party interop files not found (looked in ${CANDIDATES.join(', ')}); tests/fixtures/interop/README.md lists them`);
  return THIRD_PARTY_DIR;
}

export const thirdParty = (rel: string): string => readFileSync(join(thirdPartyDir(), rel), 'utf8');
export const fixture = (rel: string): string => readFileSync(join(ROOT, 'tests/fixtures/interop', rel), 'utf8');

let validateCsl: ((data: unknown) => boolean) & { errors?: unknown } | undefined;

/** ajv with the official CSL-JSON schema (citation-style-language/schema, schemas/input/csl-data.json). */
export function cslSchemaErrors(items: unknown): string[] {
  if (!validateCsl) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validateCsl = ajv.compile(JSON.parse(thirdParty('csl-data.json')) as object);
  }
  if (validateCsl(items)) return [];
  return ((validateCsl.errors ?? []) as { instancePath: string; message?: string; params?: unknown }[]).map(
    (e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

const pluginCsl = join(ROOT, 'node_modules/@citation-js/plugin-csl/lib');
const styles = JSON.parse(readFileSync(join(pluginCsl, 'styles.json'), 'utf8')) as Record<string, string>;
const locales = JSON.parse(readFileSync(join(pluginCsl, 'locales.json'), 'utf8')) as Record<string, string>;

function engine(items: Record<string, unknown>[], style: string) {
  const byId = new Map(items.map((i) => [String(i.id), i]));
  const e = new CSL.Engine(
    { retrieveLocale: (lang: string) => locales[lang] ?? locales['en-US'], retrieveItem: (id: string) => byId.get(String(id)) },
    styles[style],
    'en-US',
  );
  e.setOutputFormat('text');
  return { e, ids: [...byId.keys()] };
}

const make = (e: { makeBibliography(): unknown }) => ((e.makeBibliography() as [unknown, string[]])[1] ?? []).map((x) => x.trim());

/** A bibliography (plain text, one entry a line, in the style's order) rendered by citeproc-js. */
export function bibliography(items: Record<string, unknown>[], style: 'apa' | 'harvard1' = 'apa'): string[] {
  const { e, ids } = engine(items, style);
  e.updateItems(ids);
  return make(e);
}

/** Each item's entry on its own (sorted by id), or the error citeproc-js raises for it. */
export function entries(items: Record<string, unknown>[], style: 'apa' | 'harvard1' = 'apa'): string[] {
  let current = engine(items, style);
  return [...current.ids].sort().map((id) => {
    try {
      current.e.updateItems([id]);
      return make(current.e).join('\n');
    } catch (err) {
      current = engine(items, style);
      return `error: ${(err as Error).message}`;
    }
  });
}

let schemaContext: unknown;

/** jsonld.js's document loader: schema.org's context from the bundled file, nothing from the network. */
export async function documentLoader(url: string) {
  if (!/^https?:\/\/schema\.org\/?(?:docs\/jsonldcontext\.json(?:ld)?)?$/.test(url)) throw new Error(`no network in tests: ${url}`);
  schemaContext ??= JSON.parse(thirdParty('schemaorg/schemaorgcontext.jsonld'));
  return { contextUrl: null, documentUrl: url, document: schemaContext };
}

/** The JSON-LD examples (the <script> blocks) of a schema.org examples file, in order. */
export const schemaOrgExamples = (text: string): unknown[] =>
  [...text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as unknown);

type Node = Record<string, unknown>;
const first = (v: unknown): Node => ((Array.isArray(v) ? v[0] : v) ?? {}) as Node;
const filled = (v: unknown): boolean => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x.trim() !== '' : typeof x === 'object' && x !== null;
};

/**
 * Google's fact-check structured-data rules for one ClaimReview (as a JSON-LD consumer sees it: after
 * jsonld.js compaction with the schema.org context): required `claimReviewed`, `reviewRating` with
 * `alternateName`, `url`; recommended `author` with a name, `datePublished`, and `itemReviewed` as a
 * Claim with its author, datePublished and an appearance or firstAppearance. Returns what is missing.
 */
export function googleFactCheckProblems(review: Node): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => ok || problems.push(what);
  need(filled(review.claimReviewed), 'required claimReviewed');
  need(filled(first(review.reviewRating).alternateName), 'required reviewRating.alternateName');
  need(typeof review.url === 'string' && /^https?:\/\//.test(review.url), 'required url (http or https)');
  need(filled(first(review.author).name), 'recommended author.name');
  need(typeof review.datePublished === 'string' && /^\d{4}-\d{2}-\d{2}/.test(review.datePublished), 'recommended datePublished');
  const item = first(review.itemReviewed);
  need(item.type === 'Claim' || item['@type'] === 'Claim', 'recommended itemReviewed of type Claim');
  need(filled(first(item.author).name), 'recommended itemReviewed.author.name');
  need(filled(item.datePublished), 'recommended itemReviewed.datePublished');
  need(filled(item.appearance) || filled(item.firstAppearance), 'recommended itemReviewed.appearance or firstAppearance');
  const rating = first(review.reviewRating);
  need(rating.ratingValue === undefined || (rating.bestRating !== undefined && rating.worstRating !== undefined), 'ratingValue needs bestRating and worstRating');
  return problems;
}
