import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import { campaignDraftSchema } from '../../../shared/campaigns/campaign';
import { type Clue, clueDraftSchema } from '../../../shared/clues/clue';
import { coordinationDraftSchema } from '../../../shared/coordination/coordination';
import { generateRegistry } from '../../../shared/demo/registry';
import { type WorkDemoPlan, workDemoPlan } from '../../../shared/demo/work';
import type { Supervisor } from '../../../shared/domain/registry';
import { dossierDraftSchema, findingDraftSchema } from '../../../shared/dossiers/draft';
import { clueDraftFromFlag } from '../../../shared/enterprise/flag-clue';
import { flagInspections } from '../../../shared/enterprise/inspections';
import type { WorkflowAction } from '../../../shared/workflow/machine';
import type { WorkflowSettings } from '../../../shared/workflow/settings';
import type { DeskDatabase } from '../database';
import { addFinding, createDossier, type StoreEnv, takeAction } from '../dossiers/store';
import { createCampaign, createChildDossiers } from './campaigns';
import { declineClue, openDossierFromClue, recordClueReply, referClue, registerClue } from './clues';
import { saveCoordination } from './coordinations';
import { addInspection } from './inspections';
import type { StoredInspection } from './records';
import { registerReviewRequest } from './review-requests';
import { DEFAULT_WORK_SETTINGS } from './settings';

export interface WorkDemoOptions {
  plan: WorkDemoPlan;
  office: { name: string; shortName: string };
  calendar: WorkingCalendar;
  settings: WorkflowSettings;
  supervisors: readonly Supervisor[];
}

export interface WorkDemoResult {
  clues: number;
  inspections: number;
  dossiers: number;
}

/**
 * Plays the demo plan of supervision work through the real stores, step by step in the
 * order of their dates, each step's clock set to its date: numbers, deadlines and
 * timelines come out as if the clerk had done the work on those days.
 */
export async function seedWorkDemo(db: DeskDatabase, options: WorkDemoOptions): Promise<WorkDemoResult> {
  const { plan } = options;
  const work = DEFAULT_WORK_SETTINGS;
  const actor = options.supervisors[0]?.name ?? '承办人';
  const minutes = new Map<string, number>();
  const envAt = (date: string): StoreEnv => ({
    db,
    office: options.office,
    actor,
    calendar: options.calendar,
    settings: options.settings,
    now: () => {
      // 09:00 local on the day, a minute later with every write, so timelines keep their order.
      const m = (minutes.get(date) ?? 0) + 1;
      minutes.set(date, m);
      return new Date(
        `${date}T${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`,
      );
    },
  });
  const steps: { date: string; run(): Promise<void> }[] = [];
  const at = (date: string, run: () => Promise<void>) => steps.push({ date, run });
  const act = async (date: string, id: string, action: WorkflowAction) => {
    const result = await takeAction(envAt(date), id, action);
    if (!result.ok) throw new Error(`demo: ${action.action} refused: ${result.refusals.map((r) => r.code).join(',')}`);
  };
  const result: WorkDemoResult = { clues: 0, inspections: 0, dossiers: 0 };

  // Clues and what became of them.
  const clues: Clue[] = [];
  plan.clues.forEach((demo, i) => {
    at(demo.draft.receivedOn, async () => {
      const similar = demo.similarTo !== undefined ? clues[demo.similarTo] : undefined;
      const draft = clueDraftSchema.parse({ ...demo.draft, similarIds: similar ? [similar.id] : [] });
      clues[i] = await registerClue(envAt(demo.draft.receivedOn), work, draft);
      result.clues++;
    });
    const fate = demo.fate;
    if (fate.kind === 'open') {
      at(fate.on, async () => {
        const clue = clues[i] as Clue;
        const opened = await openDossierFromClue(envAt(fate.on), work, clue.id, {
          kind: fate.dossierKind,
          subjectIds: clue.subjectIds,
          supervisedOrganIds: clue.supervisedOrganIds,
          handlerIds: plan.handlerIds,
          methods: fate.methods,
          note: '经研判，线索反映的问题具体，属于本机关监督职责，予以立项',
        });
        if (!opened.ok) throw new Error('demo: clue not opened');
        result.dossiers++;
      });
    } else if (fate.kind === 'refer') {
      at(fate.on, async () => {
        await referClue(envAt(fate.on), work, (clues[i] as Clue).id, { to: fate.to, reason: fate.reason });
      });
      const reply = fate.reply;
      if (reply) {
        at(reply.on, async () => {
          await recordClueReply(envAt(reply.on), work, (clues[i] as Clue).id, reply);
        });
      }
    } else if (fate.kind === 'decline') {
      at(fate.on, async () => {
        await declineClue(envAt(fate.on), work, (clues[i] as Clue).id, fate.reason);
      });
    }
  });

  // Inspections, and the flag one of them raises turned into a clue.
  const stored: StoredInspection[] = [];
  for (const inspection of plan.inspections) {
    at(inspection.date, async () => {
      stored.push(await addInspection(envAt(inspection.date), inspection));
      result.inspections++;
    });
  }
  at(plan.flagToClue.on, async () => {
    const flag = flagInspections(stored, work.inspectionRules).find(
      (f) => f.kind === 'over_frequent' && f.creditCode === plan.flagToClue.creditCode,
    );
    if (!flag) return;
    const subjects = await db.subjects.bulkGet([...new Set(stored.map((s) => s.subjectId))]);
    const names = new Map(subjects.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
    const draft = clueDraftSchema.parse(clueDraftFromFlag(flag, stored, names, plan.flagToClue.on));
    await registerClue(envAt(plan.flagToClue.on), work, draft);
    result.clues++;
  });

  // The campaign: plan, children, and the first children under way.
  const c = plan.campaign;
  let children: string[] = [];
  at(c.on, async () => {
    const env = envAt(c.on);
    const created = await createCampaign(env, campaignDraftSchema.parse(c.draft));
    children = (await createChildDossiers(env, created.dossierId)).created;
    result.dossiers += 1 + children.length;
  });
  for (const p of c.progress) {
    const day = (k: number) => options.calendar.addWorkingDays(c.on, k);
    if (p.steps.includes('open'))
      at(day(2 + p.index), () =>
        act(day(2 + p.index), children[p.index] as string, { action: 'open', methods: ['case_files', 'on_site'] }),
      );
    if (p.steps.includes('investigate')) {
      at(day(3 + p.index), () => act(day(3 + p.index), children[p.index] as string, { action: 'start_investigation' }));
    }
    if (p.steps.includes('findings')) {
      at(day(8 + p.index), async () => {
        for (const f of p.findings)
          await addFinding(envAt(day(8 + p.index)), children[p.index] as string, findingDraftSchema.parse(f));
      });
    }
    if (p.steps.includes('serve')) {
      const id = () => children[p.index] as string;
      at(day(10), () =>
        act(day(10), id(), { action: 'draft_handling', document: 'opinion', summary: '拟发监督意见书，责令纠正' }),
      );
      at(day(11), () => act(day(11), id(), { action: 'approve', approver: '分管局领导', opinion: '同意' }));
      at(day(12), () => act(day(12), id(), { action: 'serve', servedOn: day(12) }));
      at(day(12), () => act(day(12), id(), { action: 'start_rectification', days: 10, unit: 'working' }));
    }
  }

  // Jurisdiction disputes.
  for (const coordination of plan.coordinations) {
    at(coordination.registeredOn, async () => {
      const env = envAt(coordination.registeredOn);
      const record = await createDossier(
        env,
        dossierDraftSchema.parse({
          title: coordination.title,
          kind: 'coordination',
          source: 'citizen_report',
          subjectIds: coordination.subjectIds,
          handlerIds: plan.handlerIds,
          registeredOn: coordination.registeredOn,
          priority: 'normal',
          confidentiality: 'internal',
          summary: coordination.summary,
          legalBasis: '《行政执法监督条例》',
        }),
      );
      await takeAction(env, record.dossier.id, { action: 'open', methods: ['written_review'] });
      await saveCoordination(env, record.dossier.id, 0, coordinationDraftSchema.parse(coordination.record));
      result.dossiers++;
    });
  }

  // Matters whose handling was served, and the review requests made against them.
  for (const m of plan.served) {
    let id = '';
    const before = (k: number) => {
      let d = m.servedOn;
      for (let left = k; left > 0; ) {
        d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        if (options.calendar.isWorkingDay(d) && d > m.registeredOn) left--;
        if (d <= m.registeredOn) return m.registeredOn;
      }
      return d;
    };
    at(m.registeredOn, async () => {
      const env = envAt(m.registeredOn);
      const record = await createDossier(
        env,
        dossierDraftSchema.parse({
          title: m.title,
          kind: 'focused',
          source: 'annual_plan',
          subjectIds: [m.subjectId],
          supervisedOrganIds: m.organId ? [m.organId] : [],
          handlerIds: plan.handlerIds,
          registeredOn: m.registeredOn,
          priority: 'normal',
          confidentiality: 'internal',
          summary: `${m.title}。`,
          legalBasis: '《行政执法监督条例》第二十二条',
        }),
      );
      id = record.dossier.id;
      await takeAction(env, id, { action: 'open', methods: ['case_files'] });
      await takeAction(env, id, { action: 'start_investigation' });
      result.dossiers++;
    });
    at(before(3), async () => {
      await addFinding(envAt(before(3)), id, findingDraftSchema.parse(m.finding));
      await act(before(3), id, { action: 'draft_handling', document: 'opinion', summary: '拟发监督意见书' });
    });
    at(before(1), () => act(before(1), id, { action: 'approve', approver: '分管局领导', opinion: '同意' }));
    at(m.servedOn, async () => {
      await act(m.servedOn, id, {
        action: 'serve',
        servedOn: m.servedOn,
        documentNumber: `${options.office.shortName}执监意〔${m.servedOn.slice(0, 4)}〕${8 + result.dossiers}号`,
      });
      await act(m.servedOn, id, { action: 'start_rectification' });
    });
    const request = m.request;
    if (request) {
      at(request.receivedOn, async () => {
        await registerReviewRequest(envAt(request.receivedOn), id, request, 'refuse');
      });
    }
  }

  // Stable: steps of one day keep the order they were planned in.
  for (const step of steps.map((s, i) => ({ ...s, i })).sort((a, b) => a.date.localeCompare(b.date) || a.i - b.i)) {
    await step.run();
  }
  return result;
}

export interface WorkDemoSeedOptions {
  seed: number;
  today: string;
  office: { name: string; shortName: string; divisionCode: string };
  calendar: WorkingCalendar;
  settings: WorkflowSettings;
}

/**
 * The work demo over the registries `seedDemoData` stores for the same seed: the registry
 * is generated again (it is deterministic) rather than read back, so ids match exactly,
 * and the plan is known before any dossier is generated (the total can stay as asked).
 */
export function planWorkDemo(options: WorkDemoSeedOptions): WorkDemoOptions {
  const registry = generateRegistry({
    seed: options.seed,
    at: new Date().toISOString(),
    officeDivisionCode: options.office.divisionCode,
  });
  const plan = workDemoPlan({
    seed: options.seed,
    today: options.today,
    subjects: registry.subjects,
    organsById: new Map(registry.organs.map((o) => [o.id, o])),
    supervisors: registry.supervisors,
    calendar: options.calendar,
  });
  return {
    plan,
    office: options.office,
    calendar: options.calendar,
    settings: options.settings,
    supervisors: registry.supervisors,
  };
}
