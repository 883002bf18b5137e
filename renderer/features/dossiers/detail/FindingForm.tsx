import { App, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '../../../../shared/domain/dossier';
import { type FindingDraftInput, findingDraftOf, findingDraftSchema } from '../../../../shared/dossiers/draft';
import { FINDING_TAXONOMY, labelOf } from '../../../../shared/taxonomy/findings';
import { useSession } from '../../../app/session';
import { DraftNotice } from '../../../components/DraftNotice';
import { compactFormValues, toFieldErrors } from '../../../components/field-errors';
import { useFormDraft } from '../../../components/form-draft';
import type { DossierRecord } from '../../../db/dossiers/layout';
import { addFinding, updateFinding } from '../../../db/dossiers/store';
import { useDossiers } from '../data/use-store';
import { useStoreError } from './use-store-error';

const NO_DATES: readonly string[] = [];

const FIELDS = [
  'category',
  'subcategory',
  'description',
  'ruleBreached',
  'severity',
  'rectificationRequired',
  'rectificationRequirement',
  'deadlineDays',
  'deadlineUnit',
];

/** Records or edits a finding, with the two-level taxonomy and a rectification period. */
export function FindingForm({
  record,
  findingId,
  onClose,
  onSaved,
}: {
  record: DossierRecord;
  findingId?: string;
  onClose(): void;
  onSaved(next: DossierRecord): void;
}) {
  const { t } = useTranslation(['dossiers', 'errors', 'common']);
  const { locale } = useSession();
  const { env } = useDossiers();
  const { message } = App.useApp();
  const showStoreError = useStoreError();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const existing = record.findings.find((f) => f.id === findingId);
  const category = Form.useWatch('category', form) as string | undefined;
  const required = Form.useWatch('rectificationRequired', form) as boolean | undefined;
  const items = FINDING_TAXONOMY.find((c) => c.key === category)?.items ?? [];
  // Typed text is kept until saved or the dialog is dismissed (see DossierForm).
  const draft = useFormDraft(
    existing ? `finding-edit:${existing.id}:${record.dossier.version}` : `finding-new:${record.dossier.id}`,
    form,
    NO_DATES,
  );
  const { restore } = draft;
  useEffect(restore, [restore]);

  const initial: FindingDraftInput = existing
    ? findingDraftOf(existing)
    : {
        category: '',
        subcategory: '',
        description: '',
        severity: 'moderate',
        rectificationRequired: true,
        deadlineUnit: 'calendar',
      };

  const save = async () => {
    const raw = compactFormValues(form.getFieldsValue(true) as Record<string, unknown>);
    const parsed = findingDraftSchema.safeParse({ ...raw, rectificationRequired: raw.rectificationRequired ?? false });
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    if (!parsed.success) {
      form.setFields(toFieldErrors(parsed.error.issues, t));
      return;
    }
    setBusy(true);
    try {
      const next = existing
        ? await updateFinding(env, record.dossier.id, existing.id, parsed.data)
        : await addFinding(env, record.dossier.id, parsed.data);
      void message.success(t('dossiers:findings.saved'));
      draft.clear();
      onSaved(next);
    } catch (error) {
      showStoreError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t(existing ? 'dossiers:findings.formTitleEdit' : 'dossiers:findings.formTitleNew')}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={() => {
        draft.clear();
        onClose();
      }}
      destroyOnHidden
    >
      <DraftNotice
        draft={draft.restored}
        onDiscard={() => {
          draft.clear();
          form.resetFields();
        }}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={draft.onValuesChange}
        data-testid="finding-form"
      >
        <Space.Compact block>
          <Form.Item name="category" label={t('dossiers:findings.category')} required style={{ width: '45%' }}>
            <Select
              showSearch
              optionFilterProp="label"
              options={FINDING_TAXONOMY.map((c) => ({ value: c.key, label: labelOf(c, locale) }))}
              onChange={() => form.setFieldValue('subcategory', undefined)}
              data-testid="finding-category"
            />
          </Form.Item>
          <Form.Item name="subcategory" label={t('dossiers:findings.subcategory')} required style={{ width: '55%' }}>
            <Select
              showSearch
              optionFilterProp="label"
              disabled={!category}
              options={items.map((i) => ({ value: i.key, label: labelOf(i, locale) }))}
              data-testid="finding-subcategory"
            />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="description" label={t('dossiers:findings.description')} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="ruleBreached" label={t('dossiers:findings.ruleBreached')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="severity" label={t('dossiers:findings.severity')} required>
          <Radio.Group
            optionType="button"
            options={SEVERITIES.map((s) => ({ value: s, label: t(`dossiers:severities.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="rectificationRequired"
          label={t('dossiers:findings.rectificationRequired')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        {required !== false && (
          <>
            <Form.Item name="rectificationRequirement" label={t('dossiers:findings.rectificationRequirement')} required>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
            <Form.Item label={t('dossiers:findings.deadline')} extra={t('dossiers:findings.deadlineHelp')}>
              <Space>
                <Form.Item name="deadlineDays" noStyle>
                  <InputNumber
                    min={1}
                    max={365}
                    style={{ width: 110 }}
                    aria-label={t('dossiers:findings.deadlineDays')}
                  />
                </Form.Item>
                <Form.Item name="deadlineUnit" noStyle>
                  <Radio.Group
                    optionType="button"
                    options={(['calendar', 'working'] as const).map((u) => ({
                      value: u,
                      label: t(`dossiers:unitNames.${u}`),
                    }))}
                  />
                </Form.Item>
              </Space>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
