/**
 * Search terms for Chinese and English text.
 *
 * Chinese has no spaces, and a clerk searching "听证" or "综合执法" expects every record
 * containing those characters in that order, whatever a word segmenter would make of
 * the sentence. So runs of CJK characters are indexed as overlapping character bigrams
 * (every 2-character substring), which finds any query of two or more characters
 * exactly as a substring search would, with no dictionary to miss names or new terms.
 * A run of a single character is indexed as that character. Other letters and digits
 * form words, lower-cased after NFKC (so full-width "１２３４５" is "12345").
 *
 * Terms are small integers for CJK (a bigram of two characters in U+3000–U+9FFF packs
 * into 30 bits; a single character is its negated code point), strings otherwise (words,
 * and the rare bigram outside that block): compact keys, no string building on the
 * indexing hot path, and integers V8 stores unboxed.
 */

export type Term = number | string;

const PACK_BASE = 0x3000;
const PACK_LIMIT = 0xa000;
const PACK_SHIFT = 15; // 0xa000 - 0x3000 < 2^15

export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0xac00 && cp <= 0xd7af) || // hangul
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(cp: number, ch: string): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  return LETTER_OR_DIGIT.test(ch);
}

export function bigramTerm(a: number, b: number): Term {
  if (a >= PACK_BASE && a < PACK_LIMIT && b >= PACK_BASE && b < PACK_LIMIT) {
    return ((a - PACK_BASE) << PACK_SHIFT) | (b - PACK_BASE);
  }
  return String.fromCodePoint(a, b);
}

export function unigramTerm(cp: number): number {
  return -cp;
}

/**
 * The terms of bigrams starting with code point `cp`, for one-character queries: a
 * numeric range, and a string range for bigrams that are not packed.
 */
export function bigramRangesStartingWith(cp: number): { numeric?: [number, number]; text: [string, string] } {
  const ch = String.fromCodePoint(cp);
  const text: [string, string] = [ch, `${ch}\uffff`];
  if (cp < PACK_BASE || cp >= PACK_LIMIT) return { text };
  const low = (cp - PACK_BASE) << PACK_SHIFT;
  return { numeric: [low, low | ((1 << PACK_SHIFT) - 1)], text };
}

const MAX_WORD = 32;

/** Calls `sink` with every term of `text` (terms may repeat). */
export function forEachTerm(text: string, sink: (term: Term) => void): void {
  const s = text.normalize('NFKC');
  let prevCjk = -1;
  let runLength = 0;
  let wordStart = -1;
  const flushWord = (end: number) => {
    if (wordStart >= 0) {
      sink(s.slice(wordStart, Math.min(end, wordStart + MAX_WORD)).toLowerCase());
      wordStart = -1;
    }
  };
  const flushRun = () => {
    if (runLength === 1) sink(unigramTerm(prevCjk));
    prevCjk = -1;
    runLength = 0;
  };
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (isCjk(cp)) {
      flushWord(i);
      if (prevCjk >= 0) sink(bigramTerm(prevCjk, cp));
      prevCjk = cp;
      runLength++;
    } else {
      flushRun();
      if (isWordChar(cp, width === 2 ? s.slice(i, i + 2) : s.charAt(i))) {
        if (wordStart < 0) wordStart = i;
      } else {
        flushWord(i);
      }
    }
    i += width - 1;
  }
  flushRun();
  flushWord(s.length);
}

/** The distinct terms of several texts. */
export function termsOf(texts: readonly string[]): Set<Term> {
  const set = new Set<Term>();
  const add = (t: Term) => set.add(t);
  for (const text of texts) if (text) forEachTerm(text, add);
  return set;
}

/**
 * One part of a query. All parts must match (AND). A CJK part matches records holding
 * all its bigrams; a single CJK character matches any bigram starting with it; a word
 * matches as a prefix ("rectif" finds "rectification") unless it is all digits.
 */
export type QueryPart =
  | { kind: 'cjk'; text: string; terms: Term[] }
  | { kind: 'cjkChar'; text: string; codePoint: number }
  | { kind: 'word'; text: string; prefix: boolean };

export function parseQuery(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const s = query.normalize('NFKC');
  const seen = new Set<string>();
  const push = (part: QueryPart) => {
    const key = `${part.kind}:${part.text}`;
    if (!seen.has(key)) {
      seen.add(key);
      parts.push(part);
    }
  };
  // Split into runs of CJK characters and words, the same way the indexer does.
  let run: number[] = [];
  let runText = '';
  let word = '';
  const flushRun = () => {
    if (run.length === 1) push({ kind: 'cjkChar', text: runText, codePoint: run[0] as number });
    else if (run.length > 1) {
      const terms: Term[] = [];
      for (let i = 1; i < run.length; i++) terms.push(bigramTerm(run[i - 1] as number, run[i] as number));
      push({ kind: 'cjk', text: runText, terms: [...new Set(terms)] });
    }
    run = [];
    runText = '';
  };
  const flushWord = () => {
    if (word) {
      const w = word.toLowerCase().slice(0, MAX_WORD);
      push({ kind: 'word', text: w, prefix: !/^\d+$/.test(w) });
    }
    word = '';
  };
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (isCjk(cp)) {
      flushWord();
      run.push(cp);
      runText += ch;
    } else if (isWordChar(cp, ch)) {
      flushRun();
      word += ch;
    } else {
      flushRun();
      flushWord();
    }
  }
  flushRun();
  flushWord();
  return parts;
}
