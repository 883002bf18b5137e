import { isIsoDate } from '../calendar/dates';
import type { DocumentSource } from '../documents/source';
import type { Dossier } from '../domain/dossier';
import { z } from '../zod-setup';

// 管辖争议协调: two or more enforcement organs dispute who is competent (or who must
// act). The office hears each party's position, issues a coordination opinion
// (协调意见书) and records how the dispute ended. The record hangs off a dossier of
// kind "coordination", whose workflow carries the rest (opening, service, closing).

const date = z.string().refine(isIsoDate, { message: 'date.invalid' });

/**
 * pending: still being coordinated; agreed: the parties accepted the opinion (协商一致);
 * designated: the office designated the competent organ (指定管辖); escalated: referred to
 * the government at this level for decision (报请本级人民政府决定); withdrawn: the dispute
 * fell away (撤回 / 争议消除).
 */
export const COORDINATION_OUTCOMES = ['pending', 'agreed', 'designated', 'escalated', 'withdrawn'] as const;
export type CoordinationOutcome = (typeof COORDINATION_OUTCOMES)[number];

export const coordinationPartySchema = z.object({
  /** The organ from the registry, when it is there. */
  organId: z.string().max(64).default(''),
  name: z.string().trim().min(2).max(80),
  /** 各方意见: the party's position and its grounds. */
  position: z.string().trim().max(2000).default(''),
});
export type CoordinationParty = z.infer<typeof coordinationPartySchema>;

export const coordinationDraftSchema = z
  .object({
    parties: z.array(coordinationPartySchema).min(2, { message: 'coordination.parties' }).max(10),
    /** 争议事项. */
    disputedMatter: z.string().trim().min(2).max(2000),
    /** 协调意见. */
    opinion: z.string().trim().max(5000).default(''),
    opinionOn: date.optional(),
    outcome: z.enum(COORDINATION_OUTCOMES).default('pending'),
    /** The organ found competent, for a designation or agreement. */
    competentOrgan: z.string().trim().max(80).default(''),
    outcomeNote: z.string().trim().max(2000).default(''),
    decidedOn: date.optional(),
  })
  .superRefine((draft, ctx) => {
    const names = draft.parties.map((p) => p.name);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i) {
        ctx.addIssue({ code: 'custom', path: ['parties', i, 'name'], message: 'coordination.duplicateParty' });
      }
    });
    if (draft.opinionOn && !draft.opinion) {
      ctx.addIssue({ code: 'custom', path: ['opinion'], message: 'coordination.opinionRequired' });
    }
    if (draft.outcome !== 'pending') {
      if (!draft.decidedOn) {
        ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'coordination.decidedOnRequired' });
      }
      if ((draft.outcome === 'agreed' || draft.outcome === 'designated') && !draft.competentOrgan) {
        ctx.addIssue({ code: 'custom', path: ['competentOrgan'], message: 'coordination.competentRequired' });
      }
      if ((draft.outcome === 'agreed' || draft.outcome === 'designated') && !draft.opinion) {
        ctx.addIssue({ code: 'custom', path: ['opinion'], message: 'coordination.opinionRequired' });
      }
    }
    if (draft.decidedOn && draft.opinionOn && draft.decidedOn < draft.opinionOn) {
      ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'coordination.decidedBeforeOpinion' });
    }
  });
export type CoordinationDraft = z.output<typeof coordinationDraftSchema>;
export type CoordinationDraftInput = z.input<typeof coordinationDraftSchema>;

export interface Coordination extends CoordinationDraft {
  dossierId: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/**
 * What the coordination opinion (协调意见书) is filled from: the parties as main
 * recipients, the dispute and each position as the facts, each line of the opinion
 * as one point of the opinion.
 */
export function coordinationDocumentSource(
  dossier: Pick<Dossier, 'id' | 'title' | 'number' | 'legalBasis'>,
  coordination: Pick<Coordination, 'parties' | 'disputedMatter' | 'opinion'>,
): DocumentSource {
  const positions = coordination.parties
    .filter((p) => p.position)
    .map((p) => `${p.name}认为：${p.position.replace(/[。；;]+$/, '')}。`)
    .join('\n');
  const points = coordination.opinion
    .split(/\n+/)
    .map((line) => line.trim().replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*/, ''))
    .filter(Boolean);
  return {
    dossierId: dossier.id,
    recipient: {
      name: coordination.parties
        .map((p) => p.name)
        .join('、')
        .slice(0, 100),
    },
    matter: {
      title: dossier.title,
      number: dossier.number,
      ...(dossier.legalBasis ? { basis: dossier.legalBasis } : {}),
    },
    facts: [coordination.disputedMatter, positions].filter(Boolean).join('\n'),
    findings: points.map((p) => ({ category: '协调意见', description: p, ruleBreached: '', rectification: p })),
  };
}
