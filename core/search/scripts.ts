/**
 * Text without spaces between words (Chinese, Japanese, Korean) and words glued to another script
 * (`H800芯片`). A query word is cut where the script changes, and a CJK run is cut into words with
 * Intl.Segmenter; each CJK word is then matched inside the indexed text (trigram index, docs/search.md).
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]+/gu;
const WORDISH = /[\p{L}\p{N}]/u;

export const hasCjk = (s: string): boolean => CJK.test(s);

let segmenter: Intl.Segmenter | null | undefined;
function words(run: string): string[] {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  if (!segmenter) return [run];
  const segs = [...segmenter.segment(run)].filter((s) => s.isWordLike !== false && WORDISH.test(s.segment)).map((s) => s.segment);
  // Segmenters without a dictionary cut unknown words into characters (芯 片): glue such runs back.
  const out: string[] = [];
  let single = false;
  for (const w of segs) {
    const one = [...w].length === 1;
    if (one && single) out[out.length - 1] += w;
    else out.push(w);
    single = one;
  }
  return out.length ? out : [run];
}

export interface ScriptPart {
  text: string;
  cjk: boolean;
}

/** `H800芯片训练` → H800, 芯片, 训练; a word without CJK comes back whole. */
export function splitScripts(text: string): ScriptPart[] {
  if (!hasCjk(text)) return [{ text, cjk: false }];
  const out: ScriptPart[] = [];
  let last = 0;
  for (const m of text.matchAll(CJK_RUN)) {
    const before = text.slice(last, m.index);
    if (WORDISH.test(before)) out.push({ text: before.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), cjk: false });
    for (const w of words(m[0])) out.push({ text: w, cjk: true });
    last = m.index + m[0].length;
  }
  const rest = text.slice(last);
  if (WORDISH.test(rest)) out.push({ text: rest.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), cjk: false });
  return out;
}
