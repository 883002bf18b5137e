import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * What a clerk has typed into a form and not saved, kept in localStorage so that a
 * crash, a reload or a click elsewhere loses nothing: the form offers it back when it
 * is opened again, until it is saved or discarded.
 */
export interface FormDraft {
  savedAt: string;
  values: Record<string, unknown>;
}

const PREFIX = 'desk:draft:';
/** Typing is written out this long after the last change. */
const WRITE_AFTER_MS = 400;

export function readDraft(key: string): FormDraft | null {
  try {
    const text = localStorage.getItem(PREFIX + key);
    if (!text) return null;
    const draft = JSON.parse(text) as FormDraft;
    return draft && typeof draft.savedAt === 'string' && draft.values && typeof draft.values === 'object'
      ? draft
      : null;
  } catch {
    return null;
  }
}

/** A form's values with its date fields as YYYY-MM-DD (undefined when not a date). */
export function withDays(values: Record<string, unknown>, dates: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const field of dates) {
    const v = values[field];
    out[field] = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : undefined;
  }
  return out;
}

/** Date fields are kept as YYYY-MM-DD: a Dayjs does not survive JSON. */
export function writeDraft(key: string, values: Record<string, unknown>, dates: readonly string[], at: Date): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: at.toISOString(), values: withDays(values, dates) }));
  } catch {
    // A full or disabled storage only costs the draft, never the form.
  }
}

export function removeDraft(key: string): void {
  localStorage.removeItem(PREFIX + key);
}

/** Drops the drafts under `prefix` other than `keep` (an edit form's drafts of older versions). */
export function removeOtherDrafts(prefix: string, keep: string): void {
  const stale: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const name = localStorage.key(i);
    if (name?.startsWith(PREFIX + prefix) && name !== PREFIX + keep) stale.push(name);
  }
  for (const name of stale) localStorage.removeItem(name);
}

/** A stored draft's values as the form takes them (dates back to Dayjs). */
export function draftValues(draft: FormDraft, dates: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = { ...draft.values };
  for (const field of dates) {
    const v = draft.values[field];
    values[field] = typeof v === 'string' && v ? dayjs(v) : undefined;
  }
  return values;
}

/**
 * Keeps a form's unsaved values under `key` (null while the form is not ready, e.g.
 * an edit form whose record is loading). Call `restore` once the form holds its
 * starting values: a draft found is put over them and returned, for the form to say
 * so. `onValuesChange` goes to the form; `clear` after a save, a cancel or a discard.
 */
export function useFormDraft(
  key: string | null,
  form: FormInstance,
  dates: readonly string[],
): {
  restored: FormDraft | null;
  restore(): void;
  onValuesChange(): void;
  clear(): void;
} {
  const [restored, setRestored] = useState<FormDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The values of the last change not yet written, taken when it happened: a form left
  // within the delay (a click elsewhere) writes them as it goes.
  const pending = useRef<{ key: string; values: Record<string, unknown> } | null>(null);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const last = pending.current;
    pending.current = null;
    if (last) writeDraft(last.key, last.values, dates, new Date());
  }, [dates]);
  useEffect(() => flush, [flush]);

  const restore = useCallback(() => {
    if (!key) return;
    const draft = readDraft(key);
    if (!draft) return;
    form.setFieldsValue(draftValues(draft, dates));
    setRestored(draft);
  }, [key, form, dates]);

  const onValuesChange = useCallback(() => {
    if (!key) return;
    pending.current = { key, values: form.getFieldsValue(true) as Record<string, unknown> };
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, WRITE_AFTER_MS);
  }, [key, form, flush]);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
    if (key) removeDraft(key);
    setRestored(null);
  }, [key]);

  return { restored, restore, onValuesChange, clear };
}
