// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last
// a check character over the first 17.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] as string);
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] as number);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check] as string;
}

/** True when the code is well-formed and its check character matches. */
export function isValidCreditCode(code: string): boolean {
  const normalized = code.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(normalized)) return false;
  return creditCodeCheckChar(normalized.slice(0, 17)) === normalized[17];
}
