import { z } from '../zod-setup';
import { isoDateSchema } from './source';
import { DOCUMENT_TYPE_INFO, type DocumentType } from './types';

/**
 * The editable fields of each document type. One table drives both the schema the main
 * process validates with and the form the renderer draws, so they cannot drift apart.
 */
export type FieldSpec =
  | { kind: 'text'; required?: boolean; max?: number }
  | { kind: 'textarea'; required?: boolean; max?: number }
  | { kind: 'date'; required?: boolean }
  | { kind: 'choice'; options: readonly string[]; required?: boolean }
  | { kind: 'list'; required?: boolean; maxItems?: number; itemMax?: number }
  | { kind: 'findings'; required?: boolean }
  | { kind: 'sections'; required?: boolean }
  | { kind: 'table'; required?: boolean };

export type FieldKind = FieldSpec['kind'];
export type FieldGroup = 'header' | 'body' | 'closing';

export interface FieldDef {
  /** Also the catalogue key of the label: documents:fields.<name>. */
  name: string;
  group: FieldGroup;
  spec: FieldSpec;
}

/** A finding as written in a document: 问题类别, 问题描述, 违反的规定, 整改要求, 整改期限. */
export interface FindingField {
  category: string;
  description: string;
  ruleBreached: string;
  requirement: string;
  /** YYYY-MM-DD or '' when the document's own deadline applies. */
  deadline: string;
}

/** A titled part of a report: 一、heading then its text. */
export interface SectionField {
  heading: string;
  text: string;
}

export interface TableField {
  columns: string[];
  rows: string[][];
}

export type FieldValue = string | string[] | FindingField[] | SectionField[] | TableField;
export type DocumentFields = Record<string, FieldValue>;

export const REVIEW_OUTCOMES = ['uphold', 'modify', 'revoke'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

const T = (max = 200, required = false): FieldSpec => ({ kind: 'text', max, required });
const TA = (required = false, max = 20000): FieldSpec => ({ kind: 'textarea', max, required });
const D = (required = false): FieldSpec => ({ kind: 'date', required });
const L = (required = false, itemMax = 300): FieldSpec => ({ kind: 'list', required, itemMax, maxItems: 100 });

/** Body fields per type, in the order of the document. */
const BODY_FIELDS: Record<DocumentType, [string, FieldSpec][]> = {
  supervision_notice: [
    ['basis', TA(true)],
    ['findings', { kind: 'findings', required: true }],
    ['requirements', TA(true)],
    ['deadline', D(true)],
    ['reportRequirement', TA()],
  ],
  supervision_opinion: [
    ['basis', TA(true)],
    ['facts', TA(true)],
    ['evidence', L()],
    ['findings', { kind: 'findings', required: true }],
    ['deadline', D(true)],
    ['reportRequirement', TA(true)],
    ['reviewNotice', TA(true)],
  ],
  supervision_decision: [
    ['priorDocument', T(60)],
    ['basis', TA(true)],
    ['facts', TA(true)],
    ['evidence', L()],
    ['findings', { kind: 'findings', required: true }],
    ['decisions', L(true, 1000)],
    ['deadline', D(true)],
    ['reportRequirement', TA(true)],
    ['reviewNotice', TA(true)],
  ],
  rectification_notice: [
    ['basis', TA(true)],
    ['findings', { kind: 'findings', required: true }],
    ['deadline', D(true)],
    ['reportRequirement', TA(true)],
  ],
  review_decision: [
    ['applicant', T(100, true)],
    ['originalDocument', T(60, true)],
    ['requestDate', D(true)],
    ['request', TA(true)],
    ['reviewFacts', TA(true)],
    ['outcome', { kind: 'choice', options: REVIEW_OUTCOMES, required: true }],
    ['decision', TA(true)],
  ],
  clue_referral: [
    ['clueSource', T(200, true)],
    ['clueSummary', TA(true)],
    ['referralReason', TA(true)],
    ['replyDeadline', D(true)],
  ],
  urging_letter: [
    ['matter', T(200, true)],
    ['background', TA(true)],
    ['urgingItems', L(true, 1000)],
    ['deadline', D(true)],
    ['reportRequirement', TA()],
  ],
  talk_notice: [
    ['reason', TA(true)],
    ['talkTime', T(60, true)],
    ['talkPlace', T(100, true)],
    ['attendees', TA(true, 2000)],
    ['preparation', L()],
  ],
  coordination_opinion: [
    ['parties', L(true, 100)],
    ['dispute', TA(true)],
    ['basis', TA(true)],
    ['opinions', L(true, 1000)],
    ['requirements', TA()],
  ],
  inspection_report: [
    ['overview', TA(true)],
    ['statsTable', { kind: 'table' }],
    ['sections', { kind: 'sections', required: true }],
  ],
  review_circular: [
    ['overview', TA(true)],
    ['statsTable', { kind: 'table' }],
    ['excellentFiles', L(false, 200)],
    ['sections', { kind: 'sections', required: true }],
    ['requirements', TA(true)],
  ],
  annual_report: [
    ['overview', TA(true)],
    ['statsTable', { kind: 'table' }],
    ['sections', { kind: 'sections', required: true }],
  ],
};

/** Every field of a type, header → body → closing, as the form shows them. */
export function fieldDefsFor(type: DocumentType): FieldDef[] {
  const info = DOCUMENT_TYPE_INFO[type];
  const header: FieldDef[] = [
    { name: 'organMark', group: 'header', spec: T(40, true) },
    { name: 'title', group: 'header', spec: T(100, true) },
    { name: 'recipient', group: 'header', spec: T(200, true) },
  ];
  if (info.upward) header.push({ name: 'signer', group: 'header', spec: T(20) });
  const body = BODY_FIELDS[type].map(([name, spec]): FieldDef => ({ name, group: 'body', spec }));
  const closing: FieldDef[] = [
    { name: 'attachments', group: 'closing', spec: L(false, 200) },
    { name: 'signatureOrgan', group: 'closing', spec: T(60, true) },
    { name: 'date', group: 'closing', spec: D(true) },
    { name: 'note', group: 'closing', spec: T(200) },
    { name: 'copyTo', group: 'closing', spec: L(false, 100) },
  ];
  // The letter format has no printing block (GB/T 9704 §10.2.3).
  if (info.format === 'redHeader') {
    closing.push({ name: 'printingOrgan', group: 'closing', spec: T(60) });
    closing.push({ name: 'printDate', group: 'closing', spec: D() });
  }
  return [...header, ...body, ...closing];
}

/** Validation messages are catalogue keys under documents:validation. */
const required = { message: 'required' };

function stringField(max: number, complete: boolean, isRequired: boolean) {
  const base = z.string().trim().max(max, { message: 'tooLong' });
  return (complete && isRequired ? base.min(1, required) : base).prefault('');
}

function dateField(complete: boolean, isRequired: boolean) {
  const base = complete && isRequired ? isoDateSchema : z.union([z.literal(''), isoDateSchema]);
  return base.prefault('');
}

function findingSchema(complete: boolean) {
  return z.strictObject({
    category: stringField(60, complete, true),
    description: stringField(2000, complete, true),
    ruleBreached: stringField(500, complete, false),
    requirement: stringField(1000, complete, true),
    deadline: dateField(complete, false),
  });
}

function sectionSchema(complete: boolean) {
  return z.strictObject({ heading: stringField(100, complete, true), text: stringField(20000, complete, true) });
}

const tableSchema = z
  .strictObject({
    columns: z.array(z.string().trim().max(40, { message: 'tooLong' })).max(8),
    rows: z.array(z.array(z.string().trim().max(100, { message: 'tooLong' })).max(8)).max(60),
  })
  .refine((t) => t.rows.every((row) => row.length === t.columns.length), { message: 'tableShape' })
  .prefault({ columns: [], rows: [] });

function arrayField<T extends z.ZodType>(item: T, max: number, complete: boolean, isRequired: boolean) {
  const base = z.array(item).max(max, { message: 'tooMany' });
  return (complete && isRequired ? base.min(1, required) : base).prefault([]);
}

function schemaForSpec(spec: FieldSpec, complete: boolean): z.ZodType {
  const isRequired = spec.required === true;
  switch (spec.kind) {
    case 'text':
      return stringField(spec.max ?? 200, complete, isRequired);
    case 'textarea':
      return stringField(spec.max ?? 20000, complete, isRequired);
    case 'date':
      return dateField(complete, isRequired);
    case 'choice': {
      const options = z.enum(spec.options as [string, ...string[]]);
      return (complete && isRequired ? options : z.union([z.literal(''), options])).prefault('');
    }
    case 'list': {
      const item = z
        .string()
        .trim()
        .max(spec.itemMax ?? 300, { message: 'tooLong' });
      return arrayField(complete ? item.min(1, required) : item, spec.maxItems ?? 100, complete, isRequired);
    }
    case 'findings':
      return arrayField(findingSchema(complete), 100, complete, isRequired);
    case 'sections':
      return arrayField(sectionSchema(complete), 30, complete, isRequired);
    case 'table':
      return tableSchema;
  }
}

const cache = new Map<string, z.ZodType<DocumentFields>>();

/**
 * The schema of a type's fields. `complete: false` is for saving a draft (types and
 * limits only, everything may be empty); `complete: true` is what issuing requires.
 * Missing keys take their empty value either way.
 */
export function fieldsSchemaFor(type: DocumentType, options: { complete: boolean }): z.ZodType<DocumentFields> {
  const key = `${type}:${options.complete}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const shape: Record<string, z.ZodType> = {};
  for (const def of fieldDefsFor(type)) shape[def.name] = schemaForSpec(def.spec, options.complete);
  const schema = z.strictObject(shape) as unknown as z.ZodType<DocumentFields>;
  cache.set(key, schema);
  return schema;
}

/** The value an empty field of this kind holds. */
export function emptyValue(spec: FieldSpec): FieldValue {
  switch (spec.kind) {
    case 'list':
    case 'findings':
    case 'sections':
      return [];
    case 'table':
      return { columns: [], rows: [] };
    default:
      return '';
  }
}

// Typed reads of parsed fields, for the model builder.
export const readText = (fields: DocumentFields, name: string): string => {
  const v = fields[name];
  return typeof v === 'string' ? v : '';
};
export const readList = (fields: DocumentFields, name: string): string[] => {
  const v = fields[name];
  return Array.isArray(v) ? (v as unknown[]).filter((x): x is string => typeof x === 'string' && x !== '') : [];
};
export const readFindings = (fields: DocumentFields, name = 'findings'): FindingField[] => {
  const v = fields[name];
  return Array.isArray(v) ? (v as unknown[]).filter((x): x is FindingField => typeof x === 'object' && x !== null) : [];
};
export const readSections = (fields: DocumentFields, name = 'sections'): SectionField[] => {
  const v = fields[name];
  return Array.isArray(v) ? (v as unknown[]).filter((x): x is SectionField => typeof x === 'object' && x !== null) : [];
};
export const readTable = (fields: DocumentFields, name = 'statsTable'): TableField => {
  const v = fields[name];
  return v && typeof v === 'object' && !Array.isArray(v) ? v : { columns: [], rows: [] };
};
