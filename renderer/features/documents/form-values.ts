import type { TFunction } from 'i18next';
import type { DocumentFields, FieldDef, TableField } from '../../../shared/documents/fields';
import type { FieldIssue } from '../../../shared/ipc/errors';
import type { z } from '../../../shared/zod-setup';

/**
 * The form holds lists as one item per line and tables as "a | b" lines, which is
 * quicker to type than a widget per item; these convert between that and the fields.
 */
export type FormValues = Record<string, unknown>;

const splitCells = (line: string) => line.split(/[|｜]/).map((c) => c.trim());

export function toFormValues(defs: FieldDef[], fields: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const def of defs) {
    const value = fields[def.name];
    if (def.spec.kind === 'list') out[def.name] = Array.isArray(value) ? value.join('\n') : '';
    else if (def.spec.kind === 'table') {
      const table = (value ?? { columns: [], rows: [] }) as TableField;
      out[def.name] = { columns: table.columns.join(' | '), rows: table.rows.map((r) => r.join(' | ')).join('\n') };
    } else out[def.name] = value;
  }
  return out;
}

export function fromFormValues(defs: FieldDef[], values: FormValues): DocumentFields {
  const out: DocumentFields = {};
  for (const def of defs) {
    const value = values[def.name];
    switch (def.spec.kind) {
      case 'list':
        out[def.name] = String(value ?? '')
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean);
        break;
      case 'table': {
        const t = (value ?? {}) as { columns?: string; rows?: string };
        const columns = t.columns?.trim() ? splitCells(t.columns) : [];
        const rows = String(t.rows ?? '')
          .split(/\r?\n/)
          .filter((line) => line.trim())
          .map(splitCells);
        out[def.name] = { columns, rows };
        break;
      }
      case 'findings':
      case 'sections':
        out[def.name] = Array.isArray(value) ? (value as DocumentFields[string]) : [];
        break;
      default:
        out[def.name] = typeof value === 'string' ? value : '';
    }
  }
  return out;
}

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

const KNOWN = new Set(['required', 'tooLong', 'tooMany', 'date', 'tableShape']);

/** Issues from the shared schema (or from the main process) as antd field errors. */
export function toFormErrors(
  defs: FieldDef[],
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[],
  t: TFunction,
): FormFieldError[] {
  const kinds = new Map(defs.map((d) => [d.name, d.spec.kind]));
  const byName = new Map<string, FormFieldError>();
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const start = path[0] === 'fields' ? path.slice(1) : path;
    const field = String(start[0] ?? '');
    const kind = kinds.get(field);
    if (!kind) continue;
    // Lists and tables are one text box each: their item errors land on the box.
    const name = kind === 'findings' || kind === 'sections' ? start : kind === 'table' ? [field, 'rows'] : [field];
    const id = name.join('.');
    if (byName.has(id)) continue;
    const key = KNOWN.has(issue.message) ? issue.message : issue.code === 'too_small' ? 'required' : 'invalid';
    byName.set(id, { name, errors: [t(`documents:validation.${key}`)] });
  }
  return [...byName.values()];
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }));
}
