import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftValues, readDraft, removeOtherDrafts, writeDraft } from '../../../renderer/components/form-draft';

/** localStorage as the renderer has it, over a Map. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
  };
}

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('form drafts', () => {
  it('keep text, lists and dates, and give dates back as days', () => {
    const at = new Date('2026-11-27T05:00:00.000Z');
    writeDraft(
      'dossier-new',
      { title: '占道经营', tags: ['城管'], registeredOn: dayjs('2026-11-20'), deadline: undefined },
      ['registeredOn', 'deadline'],
      at,
    );
    const draft = readDraft('dossier-new');
    expect(draft?.savedAt).toBe(at.toISOString());
    const values = draftValues(draft as NonNullable<typeof draft>, ['registeredOn', 'deadline']);
    expect(values.title).toBe('占道经营');
    expect(values.tags).toEqual(['城管']);
    expect(dayjs.isDayjs(values.registeredOn) && values.registeredOn.format('YYYY-MM-DD')).toBe('2026-11-20');
    expect(values.deadline).toBeUndefined();
  });

  it('read a damaged entry as no draft, rather than failing the form', () => {
    localStorage.setItem('desk:draft:dossier-new', '{"savedAt": 3');
    expect(readDraft('dossier-new')).toBeNull();
    localStorage.setItem('desk:draft:dossier-new', '{"savedAt":"x","values":null}');
    expect(readDraft('dossier-new')).toBeNull();
  });

  it("drop an edit's drafts of older versions and keep the current one and other dossiers'", () => {
    const at = new Date();
    writeDraft('dossier-edit:d1:3', { title: 'a' }, [], at);
    writeDraft('dossier-edit:d1:4', { title: 'b' }, [], at);
    writeDraft('dossier-edit:d2:1', { title: 'c' }, [], at);
    removeOtherDrafts('dossier-edit:d1:', 'dossier-edit:d1:4');
    expect(readDraft('dossier-edit:d1:3')).toBeNull();
    expect(readDraft('dossier-edit:d1:4')?.values.title).toBe('b');
    expect(readDraft('dossier-edit:d2:1')?.values.title).toBe('c');
  });
});
