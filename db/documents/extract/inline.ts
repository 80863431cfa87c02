/**
 * Text, Markdown and images: cheap and bounded, read on the caller's thread (the database worker or the
 * CLI, never the UI). This module and what it imports stay light: extract.ts (the caller's side) imports
 * it, and must not reach pdf.js, linkedom or mammoth, which only the task worker loads.
 */
import type { SniffedType } from './sniff';
import { extractText } from './text';
import type { ExtractedDocument, ExtractHint } from './types';

/** The document read here, or null when its type needs the task worker. */
export function extractInline(bytes: Uint8Array, type: SniffedType, hint: ExtractHint): ExtractedDocument | null {
  if (type.startsWith('image/')) return { mediaType: type, extraction: 'none', pages: [], meta: {} };
  if (type === 'text/plain' || type === 'text/markdown') return extractText(bytes, type, hint.mediaType);
  return null;
}
