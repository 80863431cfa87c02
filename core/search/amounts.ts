/**
 * Amounts in queries (issue 20): `6mn`, `USD 6mn`, `$6 million`, `6 million dollars` and `USD6mn` all
 * read as 6,000,000 (USD). A query amount matches the ways text writes it (`amountForms`) and the
 * claim's structured quantity. A bare number (`800`, `2025`) is not an amount: it needs a scale or a
 * currency.
 */
export interface Amount {
  value: number;
  /** ISO-like currency code when the query named one (USD, EUR, CNY, ...). */
  unit: string | null;
}

const CURRENCY: Record<string, string> = {
  $: 'USD', us$: 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD',
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR',
  '£': 'GBP', gbp: 'GBP', pound: 'GBP', pounds: 'GBP',
  '¥': 'CNY', cny: 'CNY', rmb: 'CNY', yuan: 'CNY', jpy: 'JPY', yen: 'JPY', hkd: 'HKD',
};
const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mln: 1e6, million: 1e6, millions: 1e6,
  b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9, tn: 1e12, trillion: 1e12,
};
/** Written before a glued amount in text: `USD6mn`, `US$6m`, `RMB5bn`. */
const PREFIXES: Record<string, string[]> = {
  USD: ['usd', 'us'], EUR: ['eur'], GBP: ['gbp'], CNY: ['cny', 'rmb'], JPY: ['jpy'], HKD: ['hkd'],
};

const CUR = '(us\\$|usd|eur|gbp|cny|rmb|jpy|hkd|[$€£¥])';
const NUM = '(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)';
const SCL = '(k|thousand|mn|mln|m|million|millions|bn|b|billion|billions|tn|trillion)';
const GLUED = new RegExp(`^${CUR}?${NUM}${SCL}?$`, 'i');

const num = (s: string) => Number(s.replace(/,/g, ''));

/**
 * Reads an amount at tokens[i] (one to three plain tokens). Returns the amount and how many tokens it
 * used, or null.
 */
export function readAmount(tokens: readonly string[], i: number): { amount: Amount; used: number } | null {
  let j = i;
  let unit: string | null = null;
  const t0 = tokens[j]?.toLowerCase();
  if (t0 === undefined) return null;
  if (CURRENCY[t0] && /^[a-z$€£¥]+$/i.test(t0) && tokens[j + 1] && GLUED.test(tokens[j + 1]!)) {
    unit = CURRENCY[t0]!;
    j++;
  }
  const m = GLUED.exec(tokens[j]!.replace(/[.,;:!?)]+$/, ''));
  if (!m) return null;
  if (m[1]) unit = CURRENCY[m[1].toLowerCase()] ?? unit;
  let value = num(m[2]!);
  let scaled = false;
  if (m[3]) {
    value *= SCALE[m[3].toLowerCase()]!;
    scaled = true;
  }
  j++;
  const next = tokens[j]?.toLowerCase();
  if (!scaled && next && SCALE[next] && next.length > 1) {
    value *= SCALE[next]!;
    scaled = true;
    j++;
  }
  const after = tokens[j]?.toLowerCase();
  if (after && CURRENCY[after] && /^[a-z]+$/.test(after)) {
    unit ??= CURRENCY[after]!;
    j++;
  }
  const grouped = m[2]!.includes(',') && value >= 1000;
  if (!scaled && !unit && !grouped) return null;
  if (!Number.isFinite(value) || value <= 0) return null;
  const amount = { value, unit };
  // `$0.001` has no written form to look for: it stays a plain word.
  if (!amountForms(amount).length) return null;
  return { amount, used: j - i };
}

/** 6 → "6", 5.6 → "5.6", 1.25 → "1.25" (at most two decimals, or null when not that round). */
function short(x: number): string | null {
  const r = Math.round(x * 100) / 100;
  if (Math.abs(r - x) > 1e-9 * Math.max(1, x) || r <= 0) return null;
  return String(r);
}

/** Ways text writes this amount: `6mn`, `6 million`, `6m`, `6,000,000`, `USD6mn`, ... (lower case). */
export function amountForms(a: Amount): string[] {
  const out = new Set<string>();
  const glued: string[] = [];
  const scales: [number, string[], string[]][] = [
    [1e12, ['tn'], ['trillion']],
    [1e9, ['bn', 'b'], ['billion']],
    [1e6, ['mn', 'm', 'mln'], ['million']],
    [1e3, ['k'], ['thousand']],
  ];
  for (const [scale, abbrevs, words] of scales) {
    if (a.value < scale) continue;
    const s = short(a.value / scale);
    if (!s) continue;
    for (const ab of abbrevs) {
      glued.push(s + ab);
      out.add(`${s} ${ab}`);
    }
    for (const w of words) out.add(`${s} ${w}`);
  }
  if (Number.isInteger(a.value)) {
    glued.push(String(a.value));
    out.add(a.value.toLocaleString('en-US'));
  } else {
    const s = short(a.value);
    if (s) glued.push(s);
  }
  const prefixes = a.unit ? (PREFIXES[a.unit] ?? []) : Object.values(PREFIXES).flat();
  for (const g of glued) {
    out.add(g);
    for (const p of prefixes) out.add(p + g);
  }
  return [...out];
}
