// Chinese forms of dates, numbers and document numbers as GB/T 9704-2012 writes them.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: heading numbers 一、（一）. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** 2026-11-07 → 2026年11月7日: Arabic numerals, no zero padding (GB/T 9704 §7.3.5). */
export function chineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** 青司执监意 + 2026 + 3 → 青司执监意〔2026〕3号: hexagonal brackets, no leading zeros, no 第. */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/** The number line of a draft: the prefix and year with the sequence left blank. */
export function draftDocumentNumber(prefix: string, year: number): string {
  return `${prefix}〔${year}〕　号`;
}

const NUMBER_FORM = /^(.+)〔(\d{4})〕([1-9]\d*)号$/;

export function parseDocumentNumber(number: string): { prefix: string; year: number; seq: number } | null {
  const m = NUMBER_FORM.exec(number);
  if (!m) return null;
  return { prefix: m[1] as string, year: Number(m[2]), seq: Number(m[3]) };
}

/**
 * Width in body characters: CJK and full-width forms take one, ASCII half. Used to centre
 * the signing organ over the date the way a typist would, in both renderers.
 */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/** Joins organs for 抄送 with the full-width comma GB/T 9704 uses, ending with 。 */
export function joinOrgans(organs: readonly string[]): string {
  const names = organs.map((o) => o.trim()).filter(Boolean);
  return names.length ? `${names.join('，')}。` : '';
}
