import { ENFORCEMENT_FIELDS } from '../domain/office';
import { z } from '../zod-setup';
import { isValidCreditCode } from './credit-code';

// Supervision of enterprise-related enforcement (涉企行政执法): inspections of enterprises
// are recorded, and repeat, over-frequent or non-joint inspections and the "four
// arbitraries" (乱收费、乱罚款、乱检查、乱查封) are flagged by configurable rules.

export const FOUR_ARBITRARIES = ['fees', 'fines', 'inspections', 'seizures'] as const;
export type ArbitraryCategory = (typeof FOUR_ARBITRARIES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const enterpriseInspectionSchema = z.object({
  id: z.string().min(1).max(64),
  date: isoDate,
  enterpriseName: z.string().trim().min(2).max(120),
  creditCode: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .refine(isValidCreditCode, { message: 'creditCode.invalid' }),
  /** The enforcement subject that inspected (registry id). */
  subjectId: z.string().min(1).max(64),
  field: z.enum(ENFORCEMENT_FIELDS),
  purpose: z.string().trim().min(2).max(500),
  /** 联合检查: done together with other fields ("综合查一次"). */
  joint: z.boolean(),
  /** Concerns recorded against this inspection (e.g. from an enterprise's appeal). */
  concerns: z.array(z.enum(FOUR_ARBITRARIES)).max(4).default([]),
});
export type EnterpriseInspection = z.infer<typeof enterpriseInspectionSchema>;

export const inspectionRulesSchema = z.object({
  /** More than `maxInspections` in `windowDays` days by one field is over-frequent. */
  maxInspections: z.number().int().min(1).max(50),
  windowDays: z.number().int().min(1).max(366),
  /** Different fields inspecting one enterprise within this many days should have gone jointly. */
  jointWindowDays: z.number().int().min(0).max(90),
});
export type InspectionRules = z.infer<typeof inspectionRulesSchema>;

export const DEFAULT_INSPECTION_RULES: InspectionRules = { maxInspections: 2, windowDays: 90, jointWindowDays: 7 };

export type InspectionFlag =
  | {
      kind: 'over_frequent';
      creditCode: string;
      enterpriseName: string;
      field: EnterpriseInspection['field'];
      count: number;
      from: string;
      to: string;
      inspectionIds: string[];
    }
  | {
      kind: 'not_joint';
      creditCode: string;
      enterpriseName: string;
      fields: EnterpriseInspection['field'][];
      from: string;
      to: string;
      inspectionIds: string[];
    }
  | {
      kind: 'arbitrary';
      creditCode: string;
      enterpriseName: string;
      category: ArbitraryCategory;
      inspectionIds: string[];
    };

const DAY = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Clusters of inspections of one enterprise by one field where some window of
 * `windowDays` holds more than `maxInspections`. Overlapping windows merge into one flag.
 */
function overFrequent(inspections: EnterpriseInspection[], rules: InspectionRules): InspectionFlag[] {
  const flags: InspectionFlag[] = [];
  for (const group of groupBy(inspections, (i) => `${i.creditCode}|${i.field}`).values()) {
    const sorted = [...group].sort((a, b) => a.date.localeCompare(b.date));
    let cluster: EnterpriseInspection[] = [];
    const flush = () => {
      const first = cluster[0];
      const last = cluster.at(-1);
      if (first && last) {
        flags.push({
          kind: 'over_frequent',
          creditCode: first.creditCode,
          enterpriseName: first.enterpriseName,
          field: first.field,
          count: cluster.length,
          from: first.date,
          to: last.date,
          inspectionIds: cluster.map((i) => i.id),
        });
      }
      cluster = [];
    };
    let start = 0;
    for (let end = 0; end < sorted.length; end++) {
      const endDay = dayNumber((sorted[end] as EnterpriseInspection).date);
      while (endDay - dayNumber((sorted[start] as EnterpriseInspection).date) >= rules.windowDays) start++;
      if (end - start + 1 > rules.maxInspections) {
        const window = sorted.slice(start, end + 1);
        const lastInCluster = cluster.at(-1);
        if (lastInCluster && dayNumber(window[0]?.date ?? '') > dayNumber(lastInCluster.date)) flush();
        for (const inspection of window) if (!cluster.includes(inspection)) cluster.push(inspection);
      }
    }
    flush();
  }
  return flags;
}

/** Inspections of one enterprise by several fields close together, not all joint. */
function notJoint(inspections: EnterpriseInspection[], rules: InspectionRules): InspectionFlag[] {
  if (rules.jointWindowDays === 0) return [];
  const flags: InspectionFlag[] = [];
  for (const group of groupBy(inspections, (i) => i.creditCode).values()) {
    const sorted = [...group].sort((a, b) => a.date.localeCompare(b.date));
    let run: EnterpriseInspection[] = [];
    const flush = () => {
      const fields = [...new Set(run.map((i) => i.field))];
      if (fields.length > 1 && run.some((i) => !i.joint)) {
        flags.push({
          kind: 'not_joint',
          creditCode: run[0]?.creditCode ?? '',
          enterpriseName: run[0]?.enterpriseName ?? '',
          fields,
          from: run[0]?.date ?? '',
          to: run.at(-1)?.date ?? '',
          inspectionIds: run.map((i) => i.id),
        });
      }
      run = [];
    };
    for (const inspection of sorted) {
      const previous = run.at(-1);
      if (previous && dayNumber(inspection.date) - dayNumber(previous.date) > rules.jointWindowDays) flush();
      run.push(inspection);
    }
    flush();
  }
  return flags;
}

function arbitraries(inspections: EnterpriseInspection[]): InspectionFlag[] {
  const flags: InspectionFlag[] = [];
  for (const group of groupBy(inspections, (i) => i.creditCode).values()) {
    for (const category of FOUR_ARBITRARIES) {
      const hits = group.filter((i) => i.concerns.includes(category));
      if (hits.length > 0) {
        flags.push({
          kind: 'arbitrary',
          creditCode: hits[0]?.creditCode ?? '',
          enterpriseName: hits[0]?.enterpriseName ?? '',
          category,
          inspectionIds: hits.map((i) => i.id),
        });
      }
    }
  }
  return flags;
}

/** Every flag the rules raise over a set of inspection records. */
export function flagInspections(inspections: EnterpriseInspection[], rules: InspectionRules): InspectionFlag[] {
  return [...overFrequent(inspections, rules), ...notJoint(inspections, rules), ...arbitraries(inspections)];
}
