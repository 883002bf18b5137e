import type { TFunction } from 'i18next';
import type { z } from '../../shared/zod-setup';

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * Turns schema issues into antd form field errors in the clerk's language. Custom
 * issues carry a catalogue key (e.g. "divisionCode.level"); zod's own issues are
 * mapped by kind. Several issues on one field keep only the first.
 */
export function toFieldErrors(
  issues: readonly (Pick<z.core.$ZodIssue, 'code' | 'message'> & { path: readonly PropertyKey[]; input?: unknown })[],
  t: TFunction,
): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of issues) {
    const name = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
    const id = name.join('.');
    if (byField.has(id)) continue;
    byField.set(id, { name, errors: [messageFor(issue, t)] });
  }
  return [...byField.values()];
}

function messageFor(issue: { code: string; message: string; input?: unknown }, t: TFunction): string {
  const key = `errors:fields.${issue.message}`;
  if (issue.code === 'custom' && t(key) !== key) return t(key);
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'invalid_type':
      return t('errors:fields.required');
    case 'too_small':
      return empty ? t('errors:fields.required') : t('errors:fields.tooShort');
    case 'too_big':
      return t('errors:fields.tooLong');
    default:
      return t(key) !== key ? t(key) : t('errors:fields.invalid');
  }
}

/** Blank strings from inputs count as "not filled"; nested empty objects vanish. */
export function compactFormValues<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string') {
      if (value.trim() !== '') out[key] = value.trim();
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const nested = compactFormValues(value as Record<string, unknown>);
      if (Object.keys(nested).length > 0) out[key] = nested;
    } else if (value !== undefined && value !== null) {
      out[key] = value;
    }
  }
  return out as T;
}
