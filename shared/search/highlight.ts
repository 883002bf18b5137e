import type { QueryPart } from './tokenize';

/** A [start, end) range of UTF-16 positions in the original text. */
export type Range = [number, number];

/**
 * Where the query's parts occur in a text, for highlighting results. The text is
 * compared after the same NFKC + lower-case folding the index uses; ranges point into
 * the original text. A Chinese part found as a whole is marked as a whole; otherwise
 * its bigrams are, since the index matched them.
 */
export function highlightRanges(text: string, parts: readonly QueryPart[]): Range[] {
  if (!text || parts.length === 0) return [];
  // Fold code point by code point, remembering where each folded unit came from.
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    // Common CJK ideographs and ASCII fold without NFKC; the rest (full-width forms…) need it.
    const f = cp < 0x80 ? ch.toLowerCase() : cp >= 0x4e00 && cp <= 0x9fff ? ch : ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  const ranges: Range[] = [];
  const markAll = (needle: string) => {
    if (!needle) return 0;
    let found = 0;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      const start = origin[at] as number;
      const endUnit = at + needle.length;
      const end = endUnit < origin.length - 1 ? (origin[endUnit] as number) : text.length;
      ranges.push([start, Math.max(end, start + 1)]);
      found++;
    }
    return found;
  };
  for (const part of parts) {
    if (part.kind === 'cjk') {
      if (markAll(part.text) === 0) {
        const chars = [...part.text];
        for (let k = 1; k < chars.length; k++) markAll(`${chars[k - 1]}${chars[k]}`);
      }
    } else {
      markAll(part.text);
    }
  }
  return mergeRanges(ranges);
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Splits a text into plain and highlighted pieces, for rendering. */
export function splitByRanges(text: string, ranges: readonly Range[]): { text: string; hit: boolean }[] {
  const pieces: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), hit: false });
    pieces.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
  return pieces;
}
