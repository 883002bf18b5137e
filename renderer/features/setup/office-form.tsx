import type { FormInstance } from 'antd';
import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ENFORCEMENT_FIELDS,
  type OfficeIdentity,
  ORGAN_KINDS,
  ORGAN_LEVELS,
  officeCrossFieldIssues,
  officeFieldsOnlySchema,
} from '../../../shared/domain/office';
import { compactFormValues, type FieldError, toFieldErrors } from '../../components/field-errors';

export type OfficeSection = 'organ' | 'division';

/** Which top-level fields each section of the form holds. */
export const SECTION_FIELDS: Record<OfficeSection, readonly string[]> = {
  organ: ['name', 'shortName', 'level', 'kind', 'field'],
  division: ['divisionCode', 'superior'],
};

/**
 * Validates the form's values against the office schema. With `sections`, only the
 * errors of those sections are returned, so a wizard step can be checked on its own.
 */
export function validateOffice(
  raw: Record<string, unknown>,
  t: ReturnType<typeof useTranslation>['t'],
  sections: readonly OfficeSection[] = ['organ', 'division'],
): { office: OfficeIdentity | null; errors: FieldError[] } {
  const values = compactFormValues(raw);
  const parsed = officeFieldsOnlySchema.safeParse(values);
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues),
    ...officeCrossFieldIssues(values).map((issue) => ({
      code: 'custom' as const,
      message: issue.message,
      // "superior" as a whole has no input of its own: show the error on its name.
      path: issue.path[0] === 'superior' ? ['superior', 'name'] : issue.path,
    })),
  ];
  const wanted = new Set(sections.flatMap((s) => SECTION_FIELDS[s]));
  const errors = toFieldErrors(
    issues.filter((issue) => wanted.has(String(issue.path[0]))),
    t,
  );
  const office = parsed.success && issues.length === 0 ? parsed.data : null;
  return { office, errors };
}

/** Field names of the sections, for clearing stale errors before showing new ones. */
export function sectionFieldNames(sections: readonly OfficeSection[]): (string | string[])[] {
  return sections.flatMap((s) =>
    SECTION_FIELDS[s].flatMap((f): (string | string[])[] =>
      f === 'superior'
        ? [
            ['superior', 'name'],
            ['superior', 'divisionCode'],
          ]
        : [f],
    ),
  );
}

/** The office identity fields, shared by the first-start wizard and Settings. */
export function OfficeFields({
  form,
  sections,
  autoFocus = false,
}: {
  form: FormInstance;
  sections: readonly OfficeSection[];
  autoFocus?: boolean;
}) {
  const { t } = useTranslation(['wizard', 'common']);
  const kind = Form.useWatch('kind', form);
  const level = Form.useWatch('level', form);
  const show = (section: OfficeSection) => sections.includes(section);

  return (
    <>
      {show('organ') && (
        <>
          <Form.Item name="name" label={t('wizard:fields.name')} required>
            <Input placeholder={t('wizard:fields.namePlaceholder')} maxLength={60} autoFocus={autoFocus} />
          </Form.Item>
          <Form.Item
            name="shortName"
            label={t('wizard:fields.shortName')}
            extra={t('wizard:fields.shortNameHelp')}
            required
          >
            <Input maxLength={10} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item name="level" label={t('wizard:fields.level')} required>
            <Radio.Group
              optionType="button"
              options={ORGAN_LEVELS.map((value) => ({ value, label: t(`common:levels.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('wizard:fields.kind')} required>
            <Radio.Group options={ORGAN_KINDS.map((value) => ({ value, label: t(`common:organKinds.${value}`) }))} />
          </Form.Item>
          {kind === 'industry' && (
            <Form.Item name="field" label={t('wizard:fields.field')} required>
              <Select
                style={{ maxWidth: 280 }}
                options={ENFORCEMENT_FIELDS.map((value) => ({ value, label: t(`common:fields.${value}`) }))}
              />
            </Form.Item>
          )}
        </>
      )}
      {show('division') && (
        <>
          <Form.Item
            name="divisionCode"
            label={t('wizard:fields.divisionCode')}
            extra={t('wizard:fields.divisionCodeHelp')}
            required
          >
            <Input maxLength={6} inputMode="numeric" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item
            name={['superior', 'name']}
            label={t('wizard:fields.superiorName')}
            required={level !== 'province'}
          >
            <Input placeholder={t('wizard:fields.superiorNamePlaceholder')} maxLength={60} />
          </Form.Item>
          <Form.Item
            name={['superior', 'divisionCode']}
            label={t('wizard:fields.superiorCode')}
            required={level !== 'province'}
          >
            <Input maxLength={6} inputMode="numeric" style={{ maxWidth: 200 }} />
          </Form.Item>
        </>
      )}
    </>
  );
}
