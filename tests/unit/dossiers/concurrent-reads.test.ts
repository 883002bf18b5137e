import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import {
  countDossiers,
  createDossier,
  dropCatalogCache,
  listDossiers,
  type StoreEnv,
} from '../../../renderer/db/dossiers/store';
import { DEFAULT_HOLIDAY_YEARS, WorkingCalendar } from '../../../shared/calendar';
import { dossierDraftSchema } from '../../../shared/dossiers/draft';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../../shared/workflow';

let db: DeskDatabase;
let env: StoreEnv;

beforeEach(async () => {
  db = new DeskDatabase(`test-${Math.random()}`);
  await db.open();
  let minute = 0;
  env = {
    db,
    office: { name: '青山县司法局', shortName: '青司' },
    actor: '李明',
    calendar: new WorkingCalendar(DEFAULT_HOLIDAY_YEARS),
    settings: DEFAULT_WORKFLOW_SETTINGS,
    now: () => new Date(Date.UTC(2026, 10, 27, 1, minute++)),
  };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const newDossier = () =>
  createDossier(
    env,
    dossierDraftSchema.parse({
      title: '关于青山县市场监督管理局行政处罚案件的监督',
      kind: 'focused',
      source: 'hotline_12345',
      subjectIds: [],
      supervisedOrganIds: ['o-market'],
      handlerIds: ['h-1', 'h-2'],
      registeredOn: '2026-11-27',
      priority: 'normal',
      confidentiality: 'internal',
      summary: '群众反映罚款过重',
    }),
  );

// Two screens reading the list at once (the send dialog and the list, say) each in
// their own transaction, right after the catalogue was dropped: neither may wait on a
// read that belongs to the other's transaction, or its transaction commits early and
// the screen never loads.
it('concurrent list and count reads in separate transactions all resolve after the catalogue is dropped', async () => {
  await newDossier();
  await newDossier();
  dropCatalogCache(db);
  const [a, b, counts] = await Promise.all([
    listDossiers(db, {}, { today: '2026-11-27' }),
    listDossiers(db, { text: '罚款' }, { today: '2026-11-27' }),
    countDossiers(db, {}, '2026-11-27'),
  ]);
  expect(a.cards).toHaveLength(2);
  expect(b.cards).toHaveLength(2);
  expect(counts.total).toBe(2);
});
