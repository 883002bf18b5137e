import { App, Button, Drawer, Form, Input, Radio, Select, Space, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENFORCEMENT_FIELDS, ORGAN_KINDS, ORGAN_LEVELS } from '../../../shared/domain/office';
import {
  OFFICER_STATUSES,
  organCrossFieldIssues,
  REGISTRY_SCHEMAS,
  type RegistryKind,
  type RegistryRecords,
  SUBJECT_TYPES,
} from '../../../shared/domain/registry';
import { organSubtree, type RegistrySnapshot } from '../../../shared/registry/rules';
import { compactFormValues, type FieldError, toFieldErrors } from '../../components/field-errors';
import { useErrorMessage } from '../../components/use-error-message';
import { RecordRejected, ruleIssues, saveRecord } from './data';
import { organTreeData } from './organ-tree';

/** Every field a form may show, so stale errors can be cleared before new ones are set. */
const FORM_FIELDS: Record<RegistryKind, string[]> = {
  organs: ['name', 'shortName', 'level', 'kind', 'field', 'divisionCode', 'parentId'],
  subjects: ['name', 'type', 'field', 'legalBasis', 'organId', 'creditCode'],
  officers: ['name', 'certificateNo', 'subjectId', 'status'],
  supervisors: ['name', 'supervisionIdNo', 'organId'],
};

const DEFAULTS: Record<RegistryKind, Record<string, unknown>> = {
  organs: { level: 'county', kind: 'industry' },
  subjects: { type: 'statutory' },
  officers: { status: 'active' },
  supervisors: {},
};

export interface RegistryFormProps<K extends RegistryKind> {
  kind: K;
  /** The record to edit, or null to create one. */
  record: RegistryRecords[K] | null;
  open: boolean;
  snapshot: RegistrySnapshot;
  onClose(): void;
}

/** The create / edit drawer of one registry, with field-level errors from the same rules the import uses. */
export function RegistryFormDrawer<K extends RegistryKind>({
  kind,
  record,
  open,
  snapshot,
  onClose,
}: RegistryFormProps<K>) {
  const { t } = useTranslation(['registries', 'common', 'errors']);
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useErrorMessage();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(record ?? DEFAULTS[kind]);
  }, [open, record, kind, form]);

  const save = async () => {
    const values = compactFormValues(form.getFieldsValue(true) as Record<string, unknown>);
    const candidate: Record<string, unknown> = {
      ...values,
      id: record?.id ?? crypto.randomUUID(),
      active: record?.active ?? true,
      updatedAt: new Date().toISOString(),
    };
    const parsed = REGISTRY_SCHEMAS[kind].safeParse(candidate);
    const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error.issues, t);
    if (kind === 'organs') {
      const cross = organCrossFieldIssues(candidate).map((i) => ({ ...i, code: 'custom' as const }));
      errors.push(...toFieldErrors(cross, t).filter((e) => !errors.some((x) => x.name.join() === e.name.join())));
    }
    if (parsed.success && errors.length === 0) {
      const rules = ruleIssues(kind, parsed.data as RegistryRecords[K], snapshot);
      errors.push(...rules.map((issue) => ({ name: issue.path, errors: [t(issue.key, issue.params)] })));
    }
    form.setFields(FORM_FIELDS[kind].map((name) => ({ name, errors: [] })));
    if (errors.length > 0 || !parsed.success) {
      form.setFields(errors);
      return;
    }
    setSaving(true);
    try {
      await saveRecord(kind, parsed.data as RegistryRecords[K]);
      void message.success(t('registries:messages.saved'));
      onClose();
    } catch (error) {
      if (error instanceof RecordRejected) {
        form.setFields(error.issues.map((issue) => ({ name: issue.path, errors: [t(issue.key, issue.params)] })));
      } else {
        showError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={t(`registries:form.${record ? 'editTitle' : 'createTitle'}.${kind}`)}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="registry-form-save">
            {t('common:save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" requiredMark onFinish={() => void save()}>
        <Fields kind={kind} snapshot={snapshot} recordId={record?.id} form={form} />
        {/* Enter in a field submits. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}

function Fields({
  kind,
  snapshot,
  recordId,
  form,
}: {
  kind: RegistryKind;
  snapshot: RegistrySnapshot;
  recordId: string | undefined;
  form: ReturnType<typeof Form.useForm>[0];
}) {
  const { t } = useTranslation(['registries', 'common']);
  const organKind = Form.useWatch('kind', form);
  const label = (key: string) => t(`registries:columns.${kind}.${key}`);
  const fieldOptions = ENFORCEMENT_FIELDS.map((value) => ({ value, label: t(`common:fields.${value}`) }));

  // A record may keep pointing at a deactivated organ or subject, but not pick one anew.
  const saved = recordId
    ? (snapshot[kind] as readonly Record<string, unknown>[]).find((r) => r.id === recordId)
    : undefined;
  const current = (field: string) => saved?.[field] as string | undefined;
  const keepOrgan = current(kind === 'organs' ? 'parentId' : 'organId');
  const organChoices = useMemo(() => {
    const excluded = kind === 'organs' && recordId ? organSubtree(snapshot.organs, recordId) : new Set<string>();
    return organTreeData(snapshot.organs.filter((o) => !excluded.has(o.id) && (o.active || o.id === keepOrgan)));
  }, [snapshot, kind, recordId, keepOrgan]);

  const organPicker = (name: 'parentId' | 'organId', required: boolean) => (
    <Form.Item name={name} label={label(name === 'parentId' ? 'parent' : 'organ')} required={required}>
      <TreeSelect
        treeData={organChoices}
        showSearch={{ treeNodeFilterProp: 'title' }}
        allowClear
        treeDefaultExpandAll
        placeholder={name === 'parentId' ? t('registries:form.noParent') : t('registries:form.choose')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );

  switch (kind) {
    case 'organs':
      return (
        <>
          <Form.Item name="name" label={label('name')} required>
            <Input maxLength={80} autoFocus />
          </Form.Item>
          <Form.Item name="shortName" label={label('shortName')} required>
            <Input maxLength={12} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item name="level" label={label('level')} required>
            <Radio.Group
              optionType="button"
              options={ORGAN_LEVELS.map((value) => ({ value, label: t(`common:levels.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={label('kind')} required>
            <Radio.Group options={ORGAN_KINDS.map((value) => ({ value, label: t(`common:organKinds.${value}`) }))} />
          </Form.Item>
          <Form.Item name="field" label={label('field')} required={organKind === 'industry'}>
            <Select options={fieldOptions} allowClear style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item
            name="divisionCode"
            label={label('divisionCode')}
            extra={t('registries:form.divisionCodeHelp')}
            required
          >
            <Input maxLength={6} inputMode="numeric" style={{ maxWidth: 200 }} />
          </Form.Item>
          {organPicker('parentId', false)}
        </>
      );
    case 'subjects':
      return (
        <>
          <Form.Item name="name" label={label('name')} required>
            <Input maxLength={80} autoFocus />
          </Form.Item>
          <Form.Item name="type" label={label('type')} required>
            <Radio.Group
              options={SUBJECT_TYPES.map((value) => ({ value, label: t(`registries:subjectTypes.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="field" label={label('field')} required>
            <Select options={fieldOptions} style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="legalBasis" label={label('legalBasis')} extra={t('registries:form.legalBasisHelp')} required>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          {organPicker('organId', true)}
          <Form.Item name="creditCode" label={label('creditCode')} extra={t('registries:form.creditCodeHelp')}>
            <Input maxLength={18} style={{ maxWidth: 260 }} />
          </Form.Item>
        </>
      );
    case 'officers': {
      const keep = current('subjectId');
      const subjects = snapshot.subjects
        .filter((s) => s.active || s.id === keep)
        .map((s) => ({ value: s.id, label: s.name }));
      return (
        <>
          <Form.Item name="name" label={label('name')} required>
            <Input maxLength={40} autoFocus style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item
            name="certificateNo"
            label={label('certificateNo')}
            extra={t('registries:form.certificateHelp')}
            required
          >
            <Input maxLength={40} style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="subjectId" label={label('subject')} required>
            <Select
              options={subjects}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('registries:form.choose')}
            />
          </Form.Item>
          <Form.Item name="status" label={label('status')} required>
            <Radio.Group
              optionType="button"
              options={OFFICER_STATUSES.map((value) => ({ value, label: t(`registries:officerStatuses.${value}`) }))}
            />
          </Form.Item>
        </>
      );
    }
    default:
      return (
        <>
          <Form.Item name="name" label={label('name')} required>
            <Input maxLength={40} autoFocus style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item
            name="supervisionIdNo"
            label={label('supervisionIdNo')}
            extra={t('registries:form.supervisionIdHelp')}
            required
          >
            <Input maxLength={40} style={{ maxWidth: 280 }} />
          </Form.Item>
          {organPicker('organId', true)}
        </>
      );
  }
}
