import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskDatabase, SCHEMA_V1 } from '../../../renderer/db/database';
import { createDossier, getDossier, listDossiers, verifyTimeline } from '../../../renderer/db/dossiers/store';
import { DEFAULT_HOLIDAY_YEARS, WorkingCalendar } from '../../../shared/calendar';
import type { Dossier, Finding, TimelineEvent } from '../../../shared/domain/dossier';
import { dossierDraftSchema } from '../../../shared/dossiers/draft';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../../shared/workflow';

interface Fixture {
  schema: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/db/v1-database.json'), 'utf8'),
) as Fixture;
const rows = <T>(table: string) => (fixture.tables[table] ?? []) as T[];

const name = `migration-${Date.now()}`;

afterEach(async () => {
  await Dexie.delete(name);
});

/** Writes the fixture exactly as version 1 of the app stored it. */
async function writeVersion1Database(): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(fixture.schema);
  await v1.open();
  await v1.transaction('rw', v1.tables, async () => {
    for (const [table, records] of Object.entries(fixture.tables)) await v1.table(table).bulkAdd(records);
  });
  v1.close();
}

describe('schema migration', () => {
  it('still declares version 1 exactly as released', () => {
    expect(fixture.schema).toEqual(SCHEMA_V1);
    const declared = (
      new DeskDatabase('never-opened') as unknown as {
        _versions: { _cfg: { version: number; storesSource: object } }[];
      }
    )._versions.find((v) => v._cfg.version === 1)?._cfg.storesSource;
    expect(declared).toEqual(SCHEMA_V1);
  });

  it('opens a version 1 database and finds every record intact', async () => {
    await writeVersion1Database();
    const db = new DeskDatabase(name);
    await db.open();
    try {
      // Later versions only add tables, on top of the migration to version 2.
      expect(db.verno).toBeGreaterThanOrEqual(2);
      // Registries and evidence are untouched, but for officers' new `active` flag.
      expect(await db.table('officers').toArray()).toEqual(
        rows<{ id: string }>('officers').map((o) => ({ ...o, active: true })),
      );
      for (const table of ['organs', 'subjects', 'supervisors', 'evidence'] as const) {
        expect(await db.table(table).toArray(), table).toEqual(
          [...rows<{ id: string }>(table)].sort((a, b) => a.id.localeCompare(b.id)),
        );
      }
      // Every dossier, with its findings and timeline, keeps every value it had.
      for (const old of rows<Dossier>('dossiers')) {
        const record = await getDossier(db, old.id);
        expect(record, old.id).toBeDefined();
        expect(record?.dossier).toEqual({ ...old, workflow: { escalations: [] } });
        const oldFindings = rows<Finding>('findings').filter((f) => f.dossierId === old.id);
        expect(record?.findings).toEqual(oldFindings.map((f) => ({ ...f, rejectionCount: 0 })));
        const oldEvents = rows<TimelineEvent>('events')
          .filter((e) => e.dossierId === old.id)
          .sort((a, b) => a.seq - b.seq);
        expect(record?.events).toEqual(oldEvents);
        expect(await verifyTimeline(db, old.id)).toEqual({ ok: true, count: oldEvents.length });
      }
      // The old per-record stores are gone; the new ones answer lists and searches.
      expect(db.tables.map((t) => t.name)).not.toContain('findings');
      const list = await listDossiers(db, {}, { today: '2026-11-27' });
      expect(list.cards.map((c) => c.id)).toEqual(['v1-dossier-a', 'v1-dossier-b']);
      expect(list.counts.rectifying).toBe(1);
      const found = await listDossiers(db, { text: '重复检查' }, { today: '2026-11-27' });
      expect(found.cards.map((c) => c.id)).toEqual(['v1-dossier-a']);
      // Numbering carries on after the migrated numbers.
      const created = await createDossier(
        {
          db,
          office: { name: '青山县司法局', shortName: '青司' },
          actor: '李明',
          calendar: new WorkingCalendar(DEFAULT_HOLIDAY_YEARS),
          settings: DEFAULT_WORKFLOW_SETTINGS,
        },
        dossierDraftSchema.parse({
          title: '迁移后新登记的案卷',
          kind: 'routine',
          source: 'annual_plan',
          subjectIds: ['s-market'],
          registeredOn: '2026-11-27',
          priority: 'normal',
          confidentiality: 'internal',
        }),
      );
      expect(created.dossier.number).toBe('青司监〔2026〕3号');
    } finally {
      db.close();
    }
  });
});
