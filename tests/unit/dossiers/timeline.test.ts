import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/domain/dossier';
import { canonicalEventJson, canonicalJson, genesisHash, sealEvent, verifyChain } from '../../../shared/timeline';

function chain(dossierId: string, n: number): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push(
      sealEvent(
        {
          dossierId,
          at: `2026-11-${String(10 + i).padStart(2, '0')}T09:00:00.000+08:00`,
          actor: '李明',
          type: i === 0 ? 'registered' : 'edited',
          ...(i > 0 ? { from: 'registered' as const, to: 'registered' as const } : {}),
          data: { step: i, note: '说明' },
        },
        events.at(-1),
      ),
    );
  }
  return events;
}

describe('canonical JSON', () => {
  it('sorts keys, drops undefined members and whitespace, keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: [3, 'x', { d: undefined, c: null }], e: undefined, f: '中文' })).toBe(
      '{"a":[3,"x",{"c":null}],"b":1,"f":"中文"}',
    );
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});

describe('timeline hash chain', () => {
  it('writes events in canonical form by the fast path too', () => {
    for (const event of chain('d-1', 3)) {
      const { hash, id, dossierId, ...hashed } = event;
      expect(canonicalEventJson({ ...hashed, id, dossierId })).toBe(canonicalJson(hashed));
    }
    const withReason = { ...(chain('d-1', 2)[1] as TimelineEvent), reason: '说明"引号"' };
    const { hash, id, dossierId, ...hashed } = withReason;
    expect(canonicalEventJson({ ...hashed, id, dossierId })).toBe(canonicalJson(hashed));
    // An unexpected member is still hashed, by the general path.
    expect(canonicalEventJson({ ...hashed, id, dossierId, extra: 1 } as never)).toBe(
      canonicalJson({ ...hashed, extra: 1 }),
    );
  });

  it('links each event to the one before, starting from the dossier', () => {
    const events = chain('d-1', 4);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[0]?.prevHash).toBe(genesisHash('d-1'));
    expect(events[2]?.prevHash).toBe(events[1]?.hash);
    expect(verifyChain('d-1', events)).toEqual({ ok: true, count: 4 });
  });

  it('is plain SHA-256 over canonical JSON, so the main process can check it with node:crypto', () => {
    const [first] = chain('d-1', 1);
    if (!first) throw new Error('no event');
    const { hash, id, dossierId, ...hashed } = first;
    expect(createHash('sha256').update(canonicalJson(hashed)).digest('hex')).toBe(hash);
  });

  it('names the altered event', () => {
    const events = chain('d-1', 5);
    const tampered = events.map((e) => (e.seq === 3 ? { ...e, reason: '事后补写' } : e));
    expect(verifyChain('d-1', tampered)).toMatchObject({
      ok: false,
      brokenAt: 3,
      eventId: 'd-1:3',
      problem: 'altered',
    });
  });

  it('names the event after one that was altered and re-hashed', () => {
    const events = chain('d-1', 5);
    const rehashed = sealEvent({ ...events[1], data: { forged: true } } as TimelineEvent, events[0]);
    const forged = events.map((e) => (e.seq === 2 ? rehashed : e));
    expect(verifyChain('d-1', forged)).toMatchObject({ ok: false, brokenAt: 3, problem: 'unlinked' });
  });

  it('notices a removed event and a chain moved to another dossier', () => {
    const events = chain('d-1', 4);
    expect(verifyChain('d-1', [events[0], events[2], events[3]] as TimelineEvent[])).toMatchObject({
      ok: false,
      brokenAt: 2,
      problem: 'misplaced',
    });
    expect(verifyChain('d-2', events)).toMatchObject({ ok: false, brokenAt: 1, problem: 'misplaced' });
  });
});
