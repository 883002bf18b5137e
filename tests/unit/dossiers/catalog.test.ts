import { describe, expect, it } from 'vitest';
import { Catalog, catalogEntryOf } from '../../../renderer/db/dossiers/catalog';
import type { DossierCard } from '../../../renderer/db/dossiers/layout';

function card(slot: number, overrides: Partial<DossierCard> = {}): DossierCard {
  return {
    slot,
    id: `d-${slot}`,
    number: `青司监〔2026〕${slot + 1}号`,
    title: `案卷${slot}`,
    kind: 'routine',
    status: 'investigating',
    priority: 'normal',
    registeredOn: '2026-06-01',
    updatedAt: `2026-11-${String(1 + (slot % 20)).padStart(2, '0')}T08:00:00.000Z`,
    owningOrganId: 'office',
    subjectIds: [],
    supervisedOrganIds: [],
    findingCount: 0,
    openFindings: 0,
    ...overrides,
  };
}

function catalogOf(cards: DossierCard[]): Catalog {
  const catalog = new Catalog(0, 1);
  for (const c of cards) catalog.apply(c.slot, catalogEntryOf(c));
  return catalog;
}

const today = '2026-11-27';
const slots = (page: { slots: number[] }) => page.slots;

describe('catalogue pages', () => {
  const cards = [
    card(0, { kind: 'enterprise', dueOn: '2026-11-20', status: 'rectifying' }),
    card(1, { kind: 'enterprise', dueOn: '2026-12-20', status: 'rectifying' }),
    card(2, { kind: 'clue', registeredOn: '2025-03-01', status: 'closed' }),
    card(3, { receivedFrom: '城关镇司法所', dueOn: '2026-10-01' }),
    card(4, { registeredOn: '2026-11-26', dueOn: '2026-11-27' }),
  ];
  const catalog = catalogOf(cards);

  it('filters by kind, origin, registration dates and overdue, counting every status under the other filters', () => {
    const enterprise = catalog.page({ kinds: ['enterprise'] }, 'updated', 'desc', today, 10, undefined, null);
    expect(slots(enterprise).sort()).toEqual([0, 1]);
    expect(enterprise.counts.rectifying).toBe(2);
    expect(enterprise.overdue).toBe(1);
    const overdue = catalog.page({ overdue: true }, 'updated', 'desc', today, 10, undefined, null);
    expect(slots(overdue).sort()).toEqual([0, 3]); // due today is not overdue yet
    expect(slots(catalog.page({ origin: 'received' }, 'updated', 'desc', today, 10, undefined, null))).toEqual([3]);
    const dated = catalog.page(
      { registeredFrom: '2026-01-01', registeredTo: '2026-11-25' },
      'updated',
      'desc',
      today,
      10,
      undefined,
      null,
    );
    expect(slots(dated).sort()).toEqual([0, 1, 3]);
    const closedOnly = catalog.page({ statuses: ['closed'] }, 'updated', 'desc', today, 10, undefined, null);
    expect(slots(closedOnly)).toEqual([2]);
    expect(closedOnly.counts.investigating).toBe(2);
  });

  it('sorts by due date with undated rows last, and narrows to search candidates', () => {
    expect(slots(catalog.page({}, 'due', 'asc', today, 10, undefined, null))).toEqual([3, 0, 4, 1, 2]);
    expect(slots(catalog.page({}, 'registered', 'asc', today, 2, undefined, null))).toEqual([2, 0]);
    expect(slots(catalog.page({}, 'updated', 'desc', today, 10, undefined, [1, 2, 99]))).toEqual([2, 1]);
  });

  it('pages with a cursor over equal keys without losing or repeating rows', () => {
    const many = catalogOf(Array.from({ length: 45 }, (_, i) => card(i, { updatedAt: '2026-11-01T08:00:00.000Z' })));
    const seen: number[] = [];
    let cursor: ReturnType<Catalog['page']>['next'];
    do {
      const page = many.page({}, 'updated', 'desc', today, 20, cursor, null);
      seen.push(...page.slots);
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => 44 - i));
  });
});
