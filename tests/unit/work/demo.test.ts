import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import { seedDemoData } from '../../../renderer/db/dossiers/seed';
import { dossierCount } from '../../../renderer/db/dossiers/store';
import { listCampaigns } from '../../../renderer/db/work/campaigns';
import { listClues } from '../../../renderer/db/work/clues';
import { planWorkDemo, seedWorkDemo } from '../../../renderer/db/work/demo';
import { overdueSummary } from '../../../renderer/db/work/followup';
import { currentFlags } from '../../../renderer/db/work/inspections';
import { DEFAULT_WORK_SETTINGS } from '../../../renderer/db/work/settings';
import { DEFAULT_HOLIDAY_YEARS, WorkingCalendar } from '../../../shared/calendar';
import { workDemoDossierCount } from '../../../shared/demo/work';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../../shared/workflow';

let db: DeskDatabase;
const today = '2026-11-27';
const options = {
  seed: 3,
  today,
  office: { name: '青山县司法局', shortName: '青司', divisionCode: '330122' },
  calendar: new WorkingCalendar(DEFAULT_HOLIDAY_YEARS),
  settings: DEFAULT_WORKFLOW_SETTINGS,
};

beforeEach(async () => {
  db = new DeskDatabase(`work-demo-${Math.random()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('work demo', () => {
  it('plays clues, inspections, a campaign, disputes and review requests through the stores', async () => {
    const work = planWorkDemo(options);
    await seedDemoData(db, { ...options, count: 5 });
    const result = await seedWorkDemo(db, work);
    expect(result.dossiers).toBe(workDemoDossierCount(work.plan));
    expect(result.clues).toBe(10);
    expect(result.inspections).toBe(12);
    expect(await dossierCount(db)).toBe(5 + result.dossiers);

    const clues = await listClues(db, {}, { today, limit: 50 });
    expect(clues.total).toBe(10);
    expect(clues.counts).toMatchObject({ opened: 1, replied: 2, referred: 1, not_opened: 2 });
    // The referral without a reply is past its 10 working days.
    expect(clues.counts.overdue).toBeGreaterThanOrEqual(1);
    // The flag turned into a clue keeps the enterprise it came from.
    expect(clues.clues.filter((c) => c.origin?.kind === 'inspection_flag')).toHaveLength(1);

    const campaigns = await listCampaigns(db);
    expect(campaigns).toHaveLength(1);

    const { flags } = await currentFlags(db, DEFAULT_WORK_SETTINGS.inspectionRules, today);
    expect(flags.some((f) => f.kind === 'over_frequent')).toBe(true);

    // Something is overdue to show at start-up: the referral without a reply at least.
    const summary = await overdueSummary(db, today);
    expect(summary.total).toBeGreaterThan(0);
  });
});
