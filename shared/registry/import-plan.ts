import {
  type EnforcementOfficer,
  type EnforcementSubject,
  levelRank,
  normalizeIdNumber,
  type Organ,
  organCrossFieldIssues,
  REGISTRY_SCHEMAS,
  type RegistryKind,
  type RegistryRecords,
  type Supervisor,
} from '../domain/registry';
import { common as enCommon } from '../i18n/en/common';
import { registries as enRegistries } from '../i18n/en/registries';
import { common as zhCommon } from '../i18n/zh-CN/common';
import { registries as zhRegistries } from '../i18n/zh-CN/registries';

/** The labels a sheet may use for columns and values, in both languages. */
const LABEL_CATALOGUES = [
  { common: zhCommon, registries: zhRegistries },
  { common: enCommon, registries: enRegistries },
];

import { type ColumnSpec, FIELD_COLUMN, normalizeHeader, normalizeName, REGISTRY_COLUMNS } from './columns';
import {
  indexSnapshot,
  officerIssues,
  type RegistrySnapshot,
  type RuleIssue,
  subjectIssues,
  supervisorIssues,
} from './rules';
import { schemaIssueKey } from './schema-issues';

// Turns the rows of a spreadsheet into registry records, or into the reasons a row
// cannot be imported. Nothing here writes: the caller shows the plan and, on the
// clerk's confirmation, writes `valid` in one transaction.

/** One row of a sheet as read from the file: its row number there and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
}
export interface Sheet {
  name: string;
  rows: SheetRow[];
}

export interface ImportProblem {
  /** The column key the problem is in, if it is in one. */
  column?: string;
  /** Full catalogue key, e.g. "registries:import.problems.duplicateInFile". */
  key: string;
  params?: Record<string, string | number>;
}

export interface ImportRow {
  line: number;
  /** Cell text by column key, for the preview. */
  cells: Record<string, string>;
  problems: ImportProblem[];
}

export interface ImportPlan<K extends RegistryKind = RegistryKind> {
  kind: K;
  /** Problems with the sheet as a whole (no header, required columns missing): nothing imports. */
  fileProblems: ImportProblem[];
  /** Column keys in the order the sheet has them. */
  columns: string[];
  /** Header cells that matched no column; they are ignored. */
  ignoredColumns: string[];
  rows: ImportRow[];
  /** The records of the rows without problems, ready to be written. */
  valid: RegistryRecords[K][];
}

export interface PlanOptions {
  newId(): string;
  now: string;
}

const problem = (column: string | undefined, key: string, params?: Record<string, string | number>): ImportProblem => ({
  ...(column ? { column } : {}),
  key: `registries:import.problems.${key}`,
  ...(params ? { params } : {}),
});

const fromRule = (issue: RuleIssue): ImportProblem => {
  const field = String(issue.path[0] ?? '');
  return { column: FIELD_COLUMN[field] ?? field, key: issue.key, ...(issue.params ? { params: issue.params } : {}) };
};

// ---------------------------------------------------------------- header and cells

function labelsAt(catalogue: unknown, path: string): Record<string, string> {
  let node = catalogue;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node ?? {}) as Record<string, string>;
}

const enumMaps = new Map<string, Map<string, string>>();
/** Every spelling of an enum value a sheet may hold: its code, its Chinese and English labels. */
function enumMap(path: string): Map<string, string> {
  let map = enumMaps.get(path);
  if (!map) {
    map = new Map();
    for (const catalogue of LABEL_CATALOGUES) {
      for (const [code, label] of Object.entries(labelsAt(catalogue, path))) {
        map.set(normalizeName(label), code);
        map.set(normalizeName(code), code);
      }
    }
    enumMaps.set(path, map);
  }
  return map;
}

const ACTIVE_WORDS = new Map<string, boolean>(
  [
    ...['在用', '启用', '有效', '正常', '是', 'active', 'yes', 'y', 'true', '1'].map((w) => [w, true] as const),
    ...['停用', '注销', '无效', '否', 'inactive', 'no', 'n', 'false', '0'].map((w) => [w, false] as const),
  ].map(([w, v]) => [normalizeName(w), v]),
);

function headerNames(spec: ColumnSpec, kind: RegistryKind): string[] {
  const names = LABEL_CATALOGUES.map((c) => labelsAt(c, `registries.columns.${kind}`)[spec.key] ?? '');
  return [...names, spec.key, ...(spec.aliases ?? [])].filter(Boolean).map(normalizeHeader);
}

interface HeaderMatch {
  line: number;
  /** For each sheet column, the column key it fills or null. */
  keys: (string | null)[];
  ignored: string[];
}

/** The header is the first of the first few rows that names at least one known column. */
function findHeader(kind: RegistryKind, rows: readonly SheetRow[]): HeaderMatch | null {
  const specs = REGISTRY_COLUMNS[kind];
  const lookup = new Map<string, string>();
  for (const spec of specs) for (const name of headerNames(spec, kind)) lookup.set(name, spec.key);
  for (const row of rows.slice(0, 5)) {
    const used = new Set<string>();
    const keys = row.cells.map((cell) => {
      const key = lookup.get(normalizeHeader(cell)) ?? null;
      if (!key || used.has(key)) return null;
      used.add(key);
      return key;
    });
    if (used.size > 0) {
      const ignored = row.cells.filter((cell, i) => cell.trim() !== '' && keys[i] === null).map((c) => c.trim());
      return { line: row.line, keys, ignored };
    }
  }
  return null;
}

type Values = Record<string, unknown>;

/** Reads one row's cells into field values; enum and yes/no cells it cannot read become problems. */
function readCells(
  kind: RegistryKind,
  header: HeaderMatch,
  row: SheetRow,
): { cells: Record<string, string>; values: Values; problems: ImportProblem[] } {
  const cells: Record<string, string> = {};
  header.keys.forEach((key, i) => {
    if (key) cells[key] = (row.cells[i] ?? '').trim();
  });
  const values: Values = {};
  const problems: ImportProblem[] = [];
  for (const spec of REGISTRY_COLUMNS[kind]) {
    const text = cells[spec.key] ?? '';
    if (text === '') continue;
    if (spec.type === 'enum' && spec.labels) {
      const code = enumMap(spec.labels).get(normalizeName(text));
      if (code) values[spec.key] = code;
      else problems.push(problem(spec.key, 'unknownValue', { value: text }));
    } else if (spec.type === 'active') {
      const active = ACTIVE_WORDS.get(normalizeName(text));
      if (active === undefined) problems.push(problem(spec.key, 'unknownValue', { value: text }));
      else values.active = active;
    } else {
      values[spec.key] = text;
    }
  }
  values.active ??= true;
  if (kind === 'officers') values.status ??= 'active';
  return { cells, values, problems };
}

// ---------------------------------------------------------------- references

interface Named {
  id: string;
  name: string;
}

type Lookup<T> = (text: string) => { found?: T; ambiguous?: boolean };

/**
 * Finds a record by name (as a clerk writes it); organs may also be named by a unique
 * division code. The maps are built once, so a sheet of 50 000 rows resolves in linear time.
 */
function nameLookup<T extends Named>(records: readonly T[], code?: (r: T) => string): Lookup<T> {
  const byName = new Map<string, T[]>();
  const byCode = new Map<string, T[]>();
  for (const record of records) {
    const name = normalizeName(record.name);
    byName.set(name, [...(byName.get(name) ?? []), record].slice(0, 2));
    if (code) {
      const c = code(record);
      byCode.set(c, [...(byCode.get(c) ?? []), record].slice(0, 2));
    }
  }
  return (text) => {
    const wanted = normalizeName(text);
    const named = byName.get(wanted) ?? [];
    if (named.length === 1) return { found: named[0] };
    if (named.length > 1) return { ambiguous: true };
    if (code && /^\d{6}$/.test(wanted)) {
      const coded = byCode.get(wanted) ?? [];
      if (coded.length === 1) return { found: coded[0] };
      if (coded.length > 1) return { ambiguous: true };
    }
    return {};
  };
}

// ---------------------------------------------------------------- the plan

interface Draft {
  line: number;
  id: string;
  cells: Record<string, string>;
  values: Values;
  problems: ImportProblem[];
}

export function planImport<K extends RegistryKind>(
  kind: K,
  sheet: Sheet,
  snapshot: RegistrySnapshot,
  options: PlanOptions,
): ImportPlan<K> {
  const empty: ImportPlan<K> = { kind, fileProblems: [], columns: [], ignoredColumns: [], rows: [], valid: [] };
  const header = findHeader(kind, sheet.rows);
  if (!header) return { ...empty, fileProblems: [problem(undefined, 'noHeader')] };
  const present = new Set(header.keys.filter((k): k is string => k !== null));
  const missing = REGISTRY_COLUMNS[kind].filter((c) => c.required && !present.has(c.key));
  const columns = header.keys.filter((k): k is string => k !== null);
  if (missing.length > 0) {
    return {
      ...empty,
      columns,
      ignoredColumns: header.ignored,
      fileProblems: missing.map((c) => problem(c.key, 'missingColumn')),
    };
  }

  const drafts: Draft[] = sheet.rows
    .filter((row) => row.line > header.line && row.cells.some((c) => c.trim() !== ''))
    .map((row) => ({ line: row.line, id: options.newId(), ...readCells(kind, header, row) }));
  if (drafts.length === 0)
    return { ...empty, columns, ignoredColumns: header.ignored, fileProblems: [problem(undefined, 'noRows')] };

  const schema = REGISTRY_SCHEMAS[kind];
  const records = new Map<Draft, RegistryRecords[K]>();
  const lookups = { organs: nameLookup(snapshot.organs), subjects: nameLookup(snapshot.subjects) };
  for (const draft of drafts) {
    resolveReferences(kind, draft, lookups);
    const candidate: Values = { ...draft.values, id: draft.id, updatedAt: options.now };
    delete candidate.parent;
    delete candidate.organ;
    delete candidate.subject;
    const parsed = schema.safeParse(candidate);
    if (parsed.success) {
      records.set(draft, parsed.data as RegistryRecords[K]);
    } else {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = FIELD_COLUMN[field] ?? field;
        // A reference that did not resolve already has its reason.
        if (draft.problems.some((p) => p.column === column)) continue;
        draft.problems.push({ column, key: schemaIssueKey({ ...issue, input: candidate[field] }) });
      }
    }
    if (kind === 'organs') {
      for (const cross of organCrossFieldIssues(draft.values)) {
        draft.problems.push({ column: cross.path[0], key: `errors:fields.${cross.message}` });
      }
    }
  }

  markDuplicates(kind, drafts, records);
  for (const draft of drafts) {
    const record = records.get(draft);
    if (record) draft.problems.push(...existingClashes(kind, record, snapshot));
  }
  if (kind === 'organs') checkOrganParents(drafts, records as Map<Draft, Organ>, snapshot);

  const rows: ImportRow[] = drafts.map((d) => ({ line: d.line, cells: d.cells, problems: dedupe(d.problems) }));
  const valid = drafts.filter((d) => d.problems.length === 0).map((d) => records.get(d) as RegistryRecords[K]);
  return { kind, fileProblems: [], columns, ignoredColumns: header.ignored, rows, valid };
}

/** Fills organId / subjectId from the names in the sheet; an organ's parent is resolved later. */
function resolveReferences(
  kind: RegistryKind,
  draft: Draft,
  lookups: { organs: Lookup<Organ>; subjects: Lookup<EnforcementSubject> },
): void {
  const refer = <T extends Named>(column: string, field: string, lookup: Lookup<T>) => {
    const text = draft.values[column];
    if (typeof text !== 'string') return;
    const { found, ambiguous } = lookup(text);
    if (found) draft.values[field] = found.id;
    else draft.problems.push(problem(column, ambiguous ? 'referenceAmbiguous' : 'referenceNotFound', { name: text }));
  };
  if (kind === 'subjects' || kind === 'supervisors') refer('organ', 'organId', lookups.organs);
  if (kind === 'officers') refer('subject', 'subjectId', lookups.subjects);
}

/** The fields that must be unique, and how a duplicate is recognised. */
const UNIQUE: Record<RegistryKind, { column: string; of(record: Values): string | undefined }[]> = {
  organs: [{ column: 'name', of: (r) => (typeof r.name === 'string' ? normalizeName(r.name) : undefined) }],
  subjects: [
    { column: 'name', of: (r) => (typeof r.name === 'string' ? normalizeName(r.name) : undefined) },
    { column: 'creditCode', of: (r) => (typeof r.creditCode === 'string' ? r.creditCode : undefined) },
  ],
  officers: [
    {
      column: 'certificateNo',
      of: (r) => (typeof r.certificateNo === 'string' ? normalizeIdNumber(r.certificateNo) : undefined),
    },
  ],
  supervisors: [
    {
      column: 'supervisionIdNo',
      of: (r) => (typeof r.supervisionIdNo === 'string' ? normalizeIdNumber(r.supervisionIdNo) : undefined),
    },
  ],
};

function markDuplicates(kind: RegistryKind, drafts: Draft[], records: Map<Draft, unknown>): void {
  for (const unique of UNIQUE[kind]) {
    const first = new Map<string, number>();
    for (const draft of drafts) {
      const value = unique.of((records.get(draft) as Values | undefined) ?? draft.values);
      if (!value) continue;
      const line = first.get(value);
      if (line === undefined) first.set(value, draft.line);
      else draft.problems.push(problem(unique.column, 'duplicateInFile', { line }));
    }
  }
}

function existingClashes(kind: RegistryKind, record: unknown, snapshot: RegistrySnapshot): ImportProblem[] {
  switch (kind) {
    case 'organs': {
      const organ = record as Organ;
      return indexSnapshot(snapshot).organsByName.has(normalizeName(organ.name))
        ? [problem('name', 'existsAlready')]
        : [];
    }
    case 'subjects':
      return subjectIssues(record as EnforcementSubject, snapshot).map(fromRule);
    case 'officers':
      return officerIssues(record as EnforcementOfficer, snapshot).map(fromRule);
    case 'supervisors':
      return supervisorIssues(record as Supervisor, snapshot).map(fromRule);
  }
}

/**
 * An organ's parent may be an organ already in the registry or another row of the same
 * sheet, in any order. A row whose parent row cannot be imported cannot be either.
 */
function checkOrganParents(drafts: Draft[], records: Map<Draft, Organ>, snapshot: RegistrySnapshot): void {
  type Target = { kind: 'existing'; organ: Organ } | { kind: 'row'; draft: Draft };
  type Candidate = Named & { code: string; target: Target };
  const existing: Candidate[] = snapshot.organs.map((organ) => ({
    id: organ.id,
    name: organ.name,
    code: organ.divisionCode,
    target: { kind: 'existing' as const, organ },
  }));
  // A name repeated in the sheet is already reported as a duplicate; its first row answers for it.
  const seenNames = new Set<string>();
  const rows: Candidate[] = [];
  for (const draft of drafts) {
    if (typeof draft.values.name !== 'string') continue;
    const key = normalizeName(draft.values.name);
    if (seenNames.has(key)) continue;
    seenNames.add(key);
    rows.push({
      id: draft.id,
      name: draft.values.name,
      code: String(draft.values.divisionCode ?? ''),
      target: { kind: 'row' as const, draft },
    });
  }
  /** The registry is asked first, then the sheet: a row repeating a registered name is itself refused. */
  const inRegistry = nameLookup(existing, (c) => c.code);
  const inSheet = nameLookup(rows, (c) => c.code);
  const resolveParent = (text: string) => {
    const registered = inRegistry(text);
    return registered.found || registered.ambiguous ? registered : inSheet(text);
  };
  const parentRow = new Map<Draft, Draft>();
  for (const draft of drafts) {
    const text = draft.values.parent;
    const record = records.get(draft);
    if (typeof text !== 'string') continue;
    const { found, ambiguous } = resolveParent(text);
    if (!found) {
      draft.problems.push(problem('parent', ambiguous ? 'referenceAmbiguous' : 'referenceNotFound', { name: text }));
      continue;
    }
    if (found.id === draft.id) {
      draft.problems.push(problem('parent', 'parentCycle'));
      continue;
    }
    const parentLevel =
      found.target.kind === 'existing' ? found.target.organ.level : records.get(found.target.draft)?.level;
    if (found.target.kind === 'existing' && !found.target.organ.active) {
      draft.problems.push({
        column: 'parent',
        key: 'registries:rules.referenceInactive',
        params: { name: found.name },
      });
    }
    if (record && parentLevel && levelRank(parentLevel) > levelRank(record.level)) {
      draft.problems.push({ column: 'parent', key: 'registries:rules.parentBelow' });
    }
    if (found.target.kind === 'row') parentRow.set(draft, found.target.draft);
    if (record) record.parentId = found.id;
  }

  // Rows of the sheet that name each other in a ring; each row is walked once.
  const state = new Map<Draft, 'walking' | 'done'>();
  for (const start of parentRow.keys()) {
    const path: Draft[] = [];
    let at: Draft | undefined = start;
    while (at && !state.has(at)) {
      state.set(at, 'walking');
      path.push(at);
      at = parentRow.get(at);
    }
    if (at && state.get(at) === 'walking') {
      for (const member of path.slice(path.indexOf(at))) member.problems.push(problem('parent', 'parentCycle'));
    }
    for (const walked of path) state.set(walked, 'done');
  }

  // A bad parent row spoils its children, and theirs: each chain is walked up once.
  const spoiled = new Map<Draft, boolean>();
  for (const start of drafts) {
    const path: Draft[] = [];
    const onPath = new Set<Draft>();
    let at: Draft | undefined = start;
    while (at && !spoiled.has(at) && at.problems.length === 0 && !onPath.has(at)) {
      path.push(at);
      onPath.add(at);
      at = parentRow.get(at);
    }
    let bad = at ? (spoiled.get(at) ?? at.problems.length > 0) : false;
    if (at) spoiled.set(at, bad);
    for (let i = path.length - 1; i >= 0; i--) {
      const child = path[i] as Draft;
      const parent = parentRow.get(child);
      // One reason about the parent is enough (rows in a ring already have theirs).
      if (bad && parent && !child.problems.some((p) => p.column === 'parent')) {
        child.problems.push(problem('parent', 'parentRowInvalid', { line: parent.line }));
      }
      bad = child.problems.length > 0;
      spoiled.set(child, bad);
    }
  }
}

function dedupe(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.column ?? ''}|${p.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
