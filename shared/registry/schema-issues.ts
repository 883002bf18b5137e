import { errors } from '../i18n/zh-CN/errors';

/**
 * The catalogue key for a schema issue: custom issues carry their own key under
 * errors.fields (e.g. "divisionCode.level"); zod's built-in issues map by kind.
 */
export function schemaIssueKey(issue: { code: string; message: string; input?: unknown }): string {
  const known = hasMessage(errors.fields, issue.message);
  if (issue.code === 'custom' && known) return `errors:fields.${issue.message}`;
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'invalid_type':
      return 'errors:fields.required';
    case 'too_small':
      return empty ? 'errors:fields.required' : 'errors:fields.tooShort';
    case 'too_big':
      return 'errors:fields.tooLong';
    default:
      return known ? `errors:fields.${issue.message}` : 'errors:fields.invalid';
  }
}

/** True when "a.b" names a message under `fields`. */
function hasMessage(fields: object, key: string): boolean {
  let node: unknown = fields;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}
