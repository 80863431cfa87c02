/**
 * HTML (including single-file saved pages): parsed with linkedom (no scripts run, nothing loaded), the
 * article found by Mozilla's Readability (main text, not menus, ads or footers), its text taken by walking
 * text nodes (dom-text.ts). Metadata from citation_* meta tags, schema.org JSON-LD, Open Graph, then the
 * page's own <title>, in that order of trust.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { charsetOf, cleanText, decodeText } from './encoding';
import { DocumentError } from './errors';
import { checkSize } from './limits';
import { metaDate, metaDoi, metaNames, metaText, mergeMeta } from './meta';
import { domStats, domText, SKIPPED, type DomNode } from './dom-text';
import type { DocumentMeta, ExtractedDocument } from './types';

/** Element nesting deeper than this is refused (real pages stay below a few hundred). */
export const MAX_HTML_DEPTH = 1000;
const MAX_JSON_LD = 1024 * 1024;
/** Readability's work grows faster than the page: above this many nodes the body is read without it. */
const READABILITY_MAX_NODES = 60_000;

interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  querySelector(selector: string): DomElement | null;
}
interface DomDocument extends DomElement {
  documentElement: DomElement;
  body: DomElement | null;
  title: string;
}

/** Page chrome left out when Readability finds no article and the whole body is read. */
const CHROME = new Set([...SKIPPED, 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'MENU']);

const ARTICLE_TYPES = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|ScholarlyArticle|Report|TechArticle|LiveBlogPosting)$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const nameOf = (v: unknown): unknown => (isObject(v) ? v.name : v);

/** Article objects of the page's JSON-LD blocks (top level, arrays, @graph). JSON that does not parse is skipped. */
function jsonLdArticles(doc: DomDocument): Json[] {
  const found: Json[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i], script[type="application/ld+json"]')) {
    const raw = script.textContent ?? '';
    if (raw.length > MAX_JSON_LD) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    const queue = list(data);
    for (let i = 0; i < queue.length && i < 1000; i++) {
      const item = queue[i];
      if (!isObject(item)) continue;
      queue.push(...list(item['@graph']));
      if (list(item['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t.replace(/^https?:\/\/schema\.org\//, '')))) found.push(item);
    }
  }
  return found;
}

function jsonLdMeta(doc: DomDocument): DocumentMeta {
  const a = jsonLdArticles(doc)[0];
  if (!a) return {};
  return {
    title: metaText(a.headline) ?? metaText(a.name),
    authors: metaNames(list(a.author).map(nameOf)),
    publisher: metaText(nameOf(list(a.publisher)[0])),
    publishedAt: metaDate(a.datePublished) ?? metaDate(a.dateCreated),
    url: metaText(a.url),
    doi: metaDoi(list(a.identifier).map((i) => (isObject(i) ? i.value : i)).find((i) => metaDoi(i))),
  };
}

/** All <meta name|property=… content=…> values by lowercased key. */
function metaTags(doc: DomDocument): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const m of doc.querySelectorAll('meta')) {
    const key = (m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content');
    if (!key || content === null) continue;
    tags.set(key, [...(tags.get(key) ?? []), content]);
  }
  return tags;
}

/** Metadata from the page's head, most trusted first: citation_* (scholarly), JSON-LD, Open Graph, plain tags. */
export function htmlMeta(doc: DomDocument): DocumentMeta {
  const tags = metaTags(doc);
  const first = (...keys: string[]) => keys.map((k) => tags.get(k)?.find((v) => metaText(v))).find((v) => v !== undefined);
  const citation: DocumentMeta = {
    title: metaText(first('citation_title')),
    authors: metaNames(tags.get('citation_author') ?? []),
    publisher: metaText(first('citation_publisher', 'citation_journal_title', 'citation_conference_title')),
    publishedAt: metaDate(first('citation_publication_date', 'citation_date', 'citation_online_date')),
    url: metaText(first('citation_public_url', 'citation_abstract_html_url')),
    doi: metaDoi(first('citation_doi')),
  };
  const openGraph: DocumentMeta = {
    title: metaText(first('og:title', 'twitter:title')),
    authors: metaNames([...(tags.get('article:author') ?? []), ...(tags.get('author') ?? []), ...(tags.get('dc.creator') ?? [])]),
    publisher: metaText(first('og:site_name')),
    publishedAt: metaDate(first('article:published_time', 'date', 'dc.date', 'dc.date.issued', 'pubdate')),
    url: metaText(first('og:url')) ?? metaText(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')),
    doi: metaDoi(first('dc.identifier', 'prism.doi')),
  };
  return mergeMeta(citation, jsonLdMeta(doc), openGraph, { title: metaText(doc.title) });
}

function parse(html: string): { doc: DomDocument; nodes: number } {
  let { document } = parseHTML(html) as unknown as { document: DomDocument | { documentElement: null } };
  // linkedom builds no <html> element from a page cut short inside its first tag ("<!DOCTYPE html><ht");
  // a browser would: give it one, with whatever text there is as its body.
  if (!document.documentElement) document = parseHTML(`<html><head></head><body>${html}</body></html>`).document as unknown as DomDocument;
  const doc = document as DomDocument;
  const { depth, nodes } = domStats(doc, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) {
    throw new DocumentError(`The HTML page nests its elements more than ${MAX_HTML_DEPTH} levels deep; pages that deep are refused as hostile.`);
  }
  return { doc, nodes };
}

/**
 * The article's text (Readability), else — no article found, Readability failed, or a page too large for
 * it — the body's without navigation, headers, footers and asides.
 */
function articleText({ doc, nodes }: { doc: DomDocument; nodes: number }): { text: string; title?: string } {
  let article: { title?: string | null; content?: DomNode | null } | null = null;
  if (nodes <= READABILITY_MAX_NODES) {
    try {
      article = new Readability(doc as never, { serializer: (n) => n as unknown as DomNode }).parse();
    } catch {
      article = null;
    }
  }
  const text = article?.content ? domText(article.content).trim() : '';
  if (text) return { text, title: metaText(article?.title) };
  return { text: doc.body ? domText(doc.body, CHROME).trim() : '' };
}

export function extractHtml(bytes: Uint8Array, declaredType?: string | null): ExtractedDocument {
  checkSize('text/html', bytes.length);
  const { text: html } = decodeText(bytes, { declaredCharset: charsetOf(declaredType), html: true });
  const meta = htmlMeta(parse(html).doc);
  // Readability changes the document it reads, so it gets a fresh one (metadata came from the first).
  const article = articleText(parse(html));
  let text = cleanText(article.text);
  const heading = meta.title ?? article.title;
  if (heading && !text.slice(0, heading.length + 200).includes(heading)) text = `${heading}\n\n${text}`;
  return { mediaType: 'text/html', extraction: 'text', pages: [text], meta };
}
