/**
 * Likely duplicates among clues: the same matter often arrives twice — by the hotline
 * and by letter, or from two reporters. A clue is a likely duplicate of another when
 * both concern the same subject (an enforcement subject, organ or enterprise) and
 * their texts share most character pairs. Chinese is not split into words here:
 * overlapping character bigrams compare well without a dictionary.
 */

/** Letters, digits and CJK characters, lower-cased; punctuation and spaces dropped. */
export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The set of overlapping character pairs of a text (a single character counts as itself). */
export function bigrams(text: string): Set<string> {
  const chars = [...normalizeForComparison(text)];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0] as string);
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** Jaccard similarity of two bigram sets: |A ∩ B| / |A ∪ B|, 0 for two empty texts. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export function textSimilarity(a: string, b: string): number {
  return jaccard(bigrams(a), bigrams(b));
}

export interface ComparableClue {
  id: string;
  title: string;
  content: string;
  subjectIds: readonly string[];
  supervisedOrganIds: readonly string[];
  creditCode?: string;
  enterpriseName?: string;
}

export interface DuplicateHint {
  id: string;
  score: number;
  /** What the two clues have in common. */
  sharedSubjectIds: string[];
  sharedOrganIds: string[];
  sameEnterprise: boolean;
}

/** Similarity from which a clue on the same subject is pointed out. */
export const DUPLICATE_THRESHOLD = 0.3;

const textOf = (c: Pick<ComparableClue, 'title' | 'content'>) => `${c.title}\n${c.content}`;

/**
 * Clues among `others` that concern the same subject as `candidate` and read alike,
 * most similar first. The caller narrows `others` by index to clues sharing a subject.
 */
export function likelyDuplicates(
  candidate: Omit<ComparableClue, 'id'> & { id?: string },
  others: readonly ComparableClue[],
  options: { threshold?: number; limit?: number } = {},
): DuplicateHint[] {
  const threshold = options.threshold ?? DUPLICATE_THRESHOLD;
  const mine = bigrams(textOf(candidate));
  if (mine.size === 0) return [];
  const subjects = new Set(candidate.subjectIds);
  const organs = new Set(candidate.supervisedOrganIds);
  const enterprise = candidate.creditCode || normalizeForComparison(candidate.enterpriseName ?? '');
  const hints: DuplicateHint[] = [];
  for (const other of others) {
    if (other.id === candidate.id) continue;
    const sharedSubjectIds = other.subjectIds.filter((s) => subjects.has(s));
    const sharedOrganIds = other.supervisedOrganIds.filter((o) => organs.has(o));
    const theirs = other.creditCode || normalizeForComparison(other.enterpriseName ?? '');
    const sameEnterprise = enterprise !== '' && enterprise === theirs;
    if (sharedSubjectIds.length === 0 && sharedOrganIds.length === 0 && !sameEnterprise) continue;
    const score = jaccard(mine, bigrams(textOf(other)));
    if (score >= threshold) hints.push({ id: other.id, score, sharedSubjectIds, sharedOrganIds, sameEnterprise });
  }
  return hints.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, options.limit ?? 5);
}
