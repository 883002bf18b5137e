import { reviewFigures, type Scorecard } from '../../../shared/results/scorecard';
import { subjectKey, summarize, type TallyRow, unitKey } from '../../../shared/results/tally';
import type { DeskDatabase } from '../database';
import type { Period } from './dashboard';
import { codesUnder, loadUnitDirectory } from './units';

export type ScorecardTarget = { kind: 'subject'; id: string } | { kind: 'organ'; id: string };

const monthsOf = (period: Period) => ({ from: period.from?.slice(0, 7), to: period.to?.slice(0, 7) });

/**
 * A subject's scorecard from its maintained tally row and its scored case files; an
 * organ's from the rows of its unit and every unit below it, and the files of the
 * subjects it is accountable for (its own and those of organs below it).
 */
export async function loadScorecard(
  db: DeskDatabase,
  target: ScorecardTarget,
  period: Period,
  today: string,
): Promise<Scorecard> {
  if (target.kind === 'subject') {
    const [row, subject, files] = await Promise.all([
      db.tallies.get(subjectKey(target.id)),
      db.subjects.get(target.id),
      db.reviewFiles.where('subjectId').equals(target.id).toArray(),
    ]);
    return {
      name: subject?.name ?? target.id,
      period,
      tally: summarize([row], { today, ...monthsOf(period) }),
      reviews: reviewFigures(files, period),
    };
  }
  const directory = await loadUnitDirectory(db);
  const allowed = codesUnder(directory, target.id);
  const keys: string[] = [];
  allowed.forEach((on, code) => {
    if (on) keys.push(unitKey(code));
  });
  const organIds = directory.tree.has(target.id) ? directory.tree.subtree(target.id) : new Set([target.id]);
  const [rows, subjects] = await Promise.all([
    db.tallies.bulkGet(keys),
    db.subjects
      .where('organId')
      .anyOf([...organIds])
      .primaryKeys(),
  ]);
  const files = subjects.length ? await db.reviewFiles.where('subjectId').anyOf(subjects).toArray() : [];
  return {
    name: directory.tree.get(target.id)?.name ?? target.id,
    period,
    tally: summarize(rows as (TallyRow | undefined)[], { today, ...monthsOf(period) }),
    reviews: reviewFigures(files, period),
  };
}

/** Every subject with a tally row, for the comparison sheet. */
export async function loadSubjectScorecards(db: DeskDatabase, period: Period, today: string): Promise<Scorecard[]> {
  const [rows, files] = await Promise.all([db.tallies.where('k').startsWith('s:').toArray(), db.reviewFiles.toArray()]);
  const ids = rows.map((r) => r.k.slice(2));
  const subjects = await db.subjects.bulkGet(ids);
  const filesBySubject = new Map<string, typeof files>();
  for (const f of files) {
    const list = filesBySubject.get(f.subjectId) ?? [];
    list.push(f);
    filesBySubject.set(f.subjectId, list);
  }
  return rows
    .map((row, i) => ({
      name: subjects[i]?.name ?? ids[i] ?? '',
      period,
      tally: summarize([row], { today, ...monthsOf(period) }),
      reviews: reviewFigures(filesBySubject.get(ids[i] ?? '') ?? [], period),
    }))
    .filter((c) => c.tally.dossiers > 0 || c.reviews.files > 0)
    .sort((a, b) => b.tally.findings - a.tally.findings || a.name.localeCompare(b.name, 'zh-CN'));
}
