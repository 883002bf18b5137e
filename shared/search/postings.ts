/**
 * Posting lists: ascending document numbers, stored as varint-encoded gaps. A list of
 * 100,000 neighbouring numbers takes about 100 KB instead of 400 KB, and decodes in
 * well under a millisecond.
 */
export function encodePostings(sorted: ArrayLike<number>, length = sorted.length): Uint8Array {
  const out = new Uint8Array(length * 5);
  let o = 0;
  let prev = -1;
  for (let i = 0; i < length; i++) {
    const value = sorted[i] as number;
    let gap = value - prev;
    prev = value;
    while (gap >= 0x80) {
      out[o++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[o++] = gap;
  }
  return out.slice(0, o);
}

export function decodePostings(bytes: Uint8Array, into: number[] = []): number[] {
  let prev = -1;
  let i = 0;
  while (i < bytes.length) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++] as number;
      gap += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    prev += gap;
    into.push(prev);
  }
  return into;
}

/** Intersection of ascending lists, smallest first for speed. */
export function intersectSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const ordered = [...lists].sort((a, b) => a.length - b.length);
  let result = ordered[0] as readonly number[];
  for (let k = 1; k < ordered.length && result.length > 0; k++) {
    const other = ordered[k] as readonly number[];
    const next: number[] = [];
    let j = 0;
    for (let i = 0; i < result.length; i++) {
      const v = result[i] as number;
      // Galloping would help for very skewed lists; linear is fine at our sizes.
      while (j < other.length && (other[j] as number) < v) j++;
      if (j < other.length && other[j] === v) next.push(v);
    }
    result = next;
  }
  return [...result];
}

/** Union of ascending lists, without duplicates. */
export function unionSorted(lists: readonly (readonly number[])[]): number[] {
  const all = new Set<number>();
  for (const list of lists) for (const v of list) all.add(v);
  return [...all].sort((a, b) => a - b);
}
