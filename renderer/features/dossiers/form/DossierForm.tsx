import { App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DOSSIER_KINDS, MATTER_SOURCES, PRIORITIES } from '../../../../shared/domain/dossier';
import { type DossierDraftInput, dossierDraftSchema, draftOf, FORM_MARKINGS } from '../../../../shared/dossiers/draft';
import { useCommand } from '../../../app/commands';
import { DraftNotice } from '../../../components/DraftNotice';
import { compactFormValues, toFieldErrors } from '../../../components/field-errors';
import { removeOtherDrafts, useFormDraft, withDays } from '../../../components/form-draft';
import type { DossierRecord } from '../../../db/dossiers/layout';
import { createDossier, getDossier, listDossiers, updateDossier } from '../../../db/dossiers/store';
import { RegistrySelect } from '../components/RegistrySelect';
import { useDossiers } from '../data/use-store';
import { useStoreError } from '../detail/use-store-error';

const DATE_FIELDS = ['registeredOn', 'deadline'] as const;
const FIELD_NAMES = [
  'title',
  'kind',
  'source',
  'subjectIds',
  'supervisedOrganIds',
  'handlerIds',
  'registeredOn',
  'deadline',
  'priority',
  'confidentiality',
  'summary',
  'legalBasis',
  'tags',
  'parentId',
  'clueId',
  'referralId',
];

type FormValues = Omit<DossierDraftInput, 'registeredOn' | 'deadline'> & { registeredOn?: Dayjs; deadline?: Dayjs };

function toFormValues(draft: DossierDraftInput): FormValues {
  const { deadline, registeredOn, ...rest } = draft;
  return { ...rest, registeredOn: dayjs(registeredOn), ...(deadline ? { deadline: dayjs(deadline) } : {}) };
}

/** Registers a dossier or edits one, with every field's problem shown under the field. */
export function DossierForm({ mode }: { mode: 'new' | 'edit' }) {
  const { t } = useTranslation(['dossiers', 'errors', 'common']);
  const { id } = useParams();
  const { db, env, today, settings } = useDossiers();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showStoreError = useStoreError();
  const [form] = Form.useForm<FormValues>();
  const [record, setRecord] = useState<DossierRecord | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (mode !== 'edit' || !id) return;
    void getDossier(db, id).then((r) => {
      if (!r) return;
      setRecord(r);
      form.setFieldsValue(toFormValues(draftOf(r.dossier)));
    });
  }, [db, id, mode, form]);

  // What the clerk types is kept until saved or discarded; an edit's draft belongs to
  // the version it was typed over, and is not offered once someone saved a newer one.
  const draftKey =
    mode === 'new' ? 'dossier-new' : record ? `dossier-edit:${record.dossier.id}:${record.dossier.version}` : null;
  const draft = useFormDraft(draftKey, form, DATE_FIELDS);
  const { restore } = draft;
  useEffect(() => {
    if (!draftKey) return;
    if (record) removeOtherDrafts(`dossier-edit:${record.dossier.id}:`, draftKey);
    restore();
  }, [draftKey, record, restore]);

  const initialValues = useMemo<FormValues>(
    () => ({
      title: '',
      kind: 'routine',
      source: 'annual_plan',
      subjectIds: [],
      supervisedOrganIds: [],
      handlerIds: [],
      registeredOn: dayjs(today),
      priority: 'normal',
      confidentiality: 'internal',
      summary: '',
      legalBasis: '',
      tags: [],
    }),
    [today],
  );

  const save = useCallback(async () => {
    const values = withDays(form.getFieldsValue(true) as Record<string, unknown>, DATE_FIELDS);
    const parsed = dossierDraftSchema.safeParse(compactFormValues(values));
    form.setFields(FIELD_NAMES.map((name) => ({ name: name as keyof FormValues, errors: [] })));
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, t);
      form.setFields(errors.map((e) => ({ name: e.name as never, errors: e.errors })));
      form.scrollToField(errors[0]?.name as never);
      return;
    }
    setSaving(true);
    try {
      if (mode === 'new') {
        const created = await createDossier(env, parsed.data);
        draft.clear();
        void message.success(t('dossiers:form.created', { number: created.dossier.number }));
        navigate(`/dossiers/${encodeURIComponent(created.dossier.id)}`, { replace: true });
      } else if (record) {
        await updateDossier(env, record.dossier.id, record.dossier.version, parsed.data);
        draft.clear();
        void message.success(t('dossiers:form.saved'));
        navigate(`/dossiers/${encodeURIComponent(record.dossier.id)}`, { replace: true });
      }
    } catch (error) {
      showStoreError(error);
    } finally {
      setSaving(false);
    }
  }, [env, form, message, mode, navigate, record, showStoreError, t, draft.clear]);
  useCommand('save', save);

  if (mode === 'edit' && !record) return <Spin style={{ display: 'block', margin: '64px auto' }} />;

  const f = (key: string) => t(`dossiers:form.fields.${key}`);

  return (
    <Card
      className="dossier-form"
      title={
        mode === 'new' ? t('dossiers:form.titleNew') : `${t('dossiers:form.titleEdit')} · ${record?.dossier.number}`
      }
    >
      {mode === 'new' && <Typography.Paragraph type="secondary">{t('dossiers:form.numberHint')}</Typography.Paragraph>}
      <DraftNotice
        draft={draft.restored}
        onDiscard={() => {
          draft.clear();
          form.resetFields();
          if (record) form.setFieldsValue(toFormValues(draftOf(record.dossier)));
        }}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void save()}
        onValuesChange={draft.onValuesChange}
        data-testid="dossier-form"
        requiredMark
      >
        <Form.Item name="title" label={f('title')} required>
          <Input maxLength={200} placeholder={f('titlePlaceholder')} autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label={f('kind')} required>
              <Select options={DOSSIER_KINDS.map((k) => ({ value: k, label: t(`dossiers:kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="source" label={f('source')} required>
              <Select options={MATTER_SOURCES.map((s) => ({ value: s, label: t(`dossiers:sources.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priority" label={f('priority')} required>
              <Radio.Group
                optionType="button"
                options={PRIORITIES.map((p) => ({ value: p, label: t(`dossiers:priorities.${p}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="subjectIds" label={f('subjects')}>
              <RegistrySelect registry="subjects" placeholder={f('searchPlaceholder')} data-testid="form-subjects" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="supervisedOrganIds" label={f('organs')}>
              <RegistrySelect registry="organs" placeholder={f('searchPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="handlerIds"
          label={f('handlers')}
          extra={t('dossiers:form.fields.handlersHelp', { min: settings.minHandlers })}
        >
          <RegistrySelect registry="supervisors" data-testid="form-handlers" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="registeredOn" label={f('registeredOn')} required>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="deadline" label={f('deadline')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="confidentiality" label={f('confidentiality')} required extra={f('confidentialityHelp')}>
              <Select
                options={FORM_MARKINGS.map((m) => ({ value: m, label: t(`dossiers:markings.${m}`) }))}
                data-testid="form-confidentiality"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={f('summary')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="legalBasis" label={f('legalBasis')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="tags" label={f('tags')}>
          <Select mode="tags" placeholder={f('tagsPlaceholder')} tokenSeparators={[',', '，']} />
        </Form.Item>
        <Row gutter={16}>
          {(['parentId', 'clueId', 'referralId'] as const).map((name) => (
            <Col span={8} key={name}>
              <Form.Item
                name={name}
                label={f(name === 'parentId' ? 'parent' : name === 'clueId' ? 'clue' : 'referral')}
              >
                <DossierPicker exclude={record?.dossier.id} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="save-dossier">
            {t('dossiers:form.save')}
          </Button>
          <Button
            onClick={() => {
              draft.clear();
              navigate(-1);
            }}
          >
            {t('dossiers:form.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** Picks another dossier by number or title, searching as the clerk types. */
function DossierPicker({
  value,
  onChange,
  exclude,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  exclude?: string;
}) {
  const { t } = useTranslation('dossiers');
  const { db, today } = useDossiers();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!value || options.some((o) => o.value === value)) return;
    void getDossier(db, value).then((r) => {
      if (r) setOptions((o) => [...o, { value, label: `${r.dossier.number} ${r.dossier.title}` }]);
    });
  }, [db, value, options]);
  return (
    <Select
      allowClear
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      placeholder={t('form.fields.linkPlaceholder')}
      onSearch={(text) => {
        if (text.trim().length === 0) return;
        void listDossiers(db, { text }, { today, limit: 20 }).then((page) =>
          setOptions(
            page.cards.filter((c) => c.id !== exclude).map((c) => ({ value: c.id, label: `${c.number} ${c.title}` })),
          ),
        );
      }}
      options={options}
    />
  );
}
