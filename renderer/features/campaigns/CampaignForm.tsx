import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CAMPAIGN_KINDS, CHECKLIST_TEMPLATE, campaignDraftSchema } from '../../../shared/campaigns/campaign';
import { ENFORCEMENT_FIELDS } from '../../../shared/domain/office';
import type { EnforcementSubject } from '../../../shared/domain/registry';
import { FINDING_TAXONOMY, findCategory, labelOf } from '../../../shared/taxonomy/findings';
import { useCommand } from '../../app/commands';
import { useSession } from '../../app/session';
import { compactFormValues, toFieldErrors } from '../../components/field-errors';
import { createCampaign } from '../../db/work/campaigns';
import { RegistrySelect } from '../dossiers/components/RegistrySelect';
import { useDossiers } from '../dossiers/data/use-store';
import { useStoreError } from '../dossiers/detail/use-store-error';

interface ChecklistRow {
  title: string;
  category?: string;
  subcategory?: string;
  basis: string;
}

interface FormValues {
  title: string;
  kind: 'special' | 'inspection';
  period?: [Dayjs, Dayjs];
  scope: string;
  legalBasis: string;
  subjectIds: string[];
  handlerIds: string[];
  priority: string;
  checklist: ChecklistRow[];
}

/** 专项监督 / 执法检查方案: the parent dossier's matter, the subjects to cover and the checklist. */
export function CampaignForm() {
  const { t } = useTranslation(['campaigns', 'dossiers', 'errors', 'common']);
  const { db, env, today, settings } = useDossiers();
  const { locale } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showStoreError = useStoreError();
  const [form] = Form.useForm<FormValues>();
  const [subjects, setSubjects] = useState<EnforcementSubject[]>([]);
  const [saving, setSaving] = useState(false);
  const [checklistError, setChecklistError] = useState<string | null>(null);
  useEffect(() => {
    void db.subjects.toArray().then((rows) => setSubjects(rows.filter((s) => s.active)));
  }, [db]);

  const template = useCallback(
    (): ChecklistRow[] =>
      CHECKLIST_TEMPLATE.map((c) => {
        const category = findCategory(c.category);
        const item = category?.items.find((i) => i.key === c.subcategory);
        return {
          title: labelOf(item ?? category, locale),
          category: c.category,
          subcategory: c.subcategory,
          basis: '',
        };
      }),
    [locale],
  );

  const initialValues = useMemo<FormValues>(
    () => ({
      title: '',
      kind: 'special',
      period: [dayjs(today), dayjs(today).add(3, 'month')],
      scope: '',
      legalBasis: '《行政执法监督条例》',
      subjectIds: [],
      handlerIds: [],
      priority: 'normal',
      checklist: template(),
    }),
    [today, template],
  );

  const save = useCallback(async () => {
    const raw = form.getFieldsValue(true) as FormValues;
    const [from, to] = raw.period ?? [];
    const values = compactFormValues({
      ...raw,
      period: undefined,
      periodFrom: from?.format('YYYY-MM-DD'),
      periodTo: to?.format('YYYY-MM-DD'),
      checklist: (raw.checklist ?? []).map((c) => compactFormValues({ ...c })),
    } as Record<string, unknown>);
    const parsed = campaignDraftSchema.safeParse(values);
    const names: (string | number)[][] = [['title'], ['scope'], ['legalBasis'], ['period'], ['subjectIds']];
    (raw.checklist ?? []).forEach((_, i) => {
      for (const key of ['title', 'category', 'subcategory']) names.push(['checklist', i, key]);
    });
    form.setFields(names.map((name) => ({ name: name as never, errors: [] })));
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, t).map((e) => ({
        ...e,
        name: e.name[0] === 'periodFrom' || e.name[0] === 'periodTo' ? ['period'] : e.name,
      }));
      form.setFields(
        errors
          .filter((e) => e.name.length !== 1 || e.name[0] !== 'checklist')
          .map((e) => ({ name: e.name as never, errors: e.errors })),
      );
      setChecklistError(errors.find((e) => e.name.length === 1 && e.name[0] === 'checklist')?.errors[0] ?? null);
      form.scrollToField(errors[0]?.name as never);
      return;
    }
    setChecklistError(null);
    setSaving(true);
    try {
      const plan = await createCampaign(env, parsed.data);
      void message.success(t('campaigns:form.created'));
      navigate(`/campaigns/${encodeURIComponent(plan.dossierId)}`, { replace: true });
    } catch (error) {
      showStoreError(error);
    } finally {
      setSaving(false);
    }
  }, [env, form, message, navigate, showStoreError, t]);
  useCommand('save', save);

  const addField = (field: string) => {
    const current = new Set(form.getFieldValue('subjectIds') as string[]);
    for (const s of subjects) if (s.field === field) current.add(s.id);
    form.setFieldValue('subjectIds', [...current]);
  };

  const f = (key: string) => t(`campaigns:form.fields.${key}`);
  const fieldsPresent = ENFORCEMENT_FIELDS.filter((field) => subjects.some((s) => s.field === field));

  return (
    <Card title={t('campaigns:form.title')}>
      <Typography.Paragraph type="secondary">{t('campaigns:form.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void save()}
        data-testid="campaign-form"
        requiredMark
      >
        <Form.Item name="title" label={f('title')} required>
          <Input maxLength={200} placeholder={f('titlePlaceholder')} autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label={f('kind')} required>
              <Radio.Group
                optionType="button"
                options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`dossiers:kinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="period" label={f('period')} required>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="priority" label={f('priority')}>
              <Select
                options={['low', 'normal', 'high', 'urgent'].map((p) => ({
                  value: p,
                  label: t(`dossiers:priorities.${p}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="scope" label={f('scope')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={f('scopePlaceholder')} />
        </Form.Item>
        <Form.Item name="legalBasis" label={f('legalBasis')} required>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item
          label={f('subjects')}
          required
          extra={
            fieldsPresent.length > 0 && (
              <Space size={4} wrap style={{ marginTop: 6 }}>
                <span>{t('campaigns:form.addByField')}</span>
                {fieldsPresent.map((field) => (
                  <Button key={field} size="small" type="dashed" onClick={() => addField(field)}>
                    {t(`common:fields.${field}`)}
                  </Button>
                ))}
              </Space>
            )
          }
        >
          <Form.Item name="subjectIds" noStyle>
            <RegistrySelect
              registry="subjects"
              placeholder={f('searchPlaceholder')}
              maxTagCount="responsive"
              data-testid="campaign-subjects"
            />
          </Form.Item>
        </Form.Item>
        <Form.Item
          name="handlerIds"
          label={f('handlers')}
          extra={t('dossiers:form.fields.handlersHelp', { min: settings.minHandlers })}
        >
          <RegistrySelect registry="supervisors" data-testid="campaign-handlers" />
        </Form.Item>

        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {f('checklist')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('campaigns:form.checklistHint')}</Typography.Paragraph>
        <Form.List name="checklist">
          {(fields, { add, remove }) => (
            <>
              <div className="checklist-row text-muted" style={{ marginBottom: 4 }}>
                <span>{f('itemTitle')}</span>
                <span>{f('itemCategory')}</span>
                <span>{f('itemSubcategory')}</span>
                <span>{f('itemBasis')}</span>
                <span />
              </div>
              {fields.map((field) => (
                <ChecklistFields key={field.key} name={field.name} onRemove={() => remove(field.name)} />
              ))}
              <Space>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ title: '', basis: '' })}
                  data-testid="checklist-add"
                >
                  {t('campaigns:form.addItem')}
                </Button>
                <Button onClick={() => form.setFieldValue('checklist', template())}>
                  {t('campaigns:form.useTemplate')}
                </Button>
              </Space>
              {checklistError && (
                <div className="ant-form-item-explain-error" style={{ marginTop: 4 }}>
                  {checklistError}
                </div>
              )}
            </>
          )}
        </Form.List>

        <Space style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="campaign-save">
            {t('campaigns:form.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function ChecklistFields({ name, onRemove }: { name: number; onRemove(): void }) {
  const { t } = useTranslation('campaigns');
  const { locale } = useSession();
  const form = Form.useFormInstance();
  const category = Form.useWatch(['checklist', name, 'category'], form) as string | undefined;
  const items = findCategory(category ?? '')?.items ?? [];
  return (
    <div className="checklist-row" data-testid="checklist-item">
      <Form.Item name={[name, 'title']} style={{ marginBottom: 8 }}>
        <Input maxLength={200} aria-label={t('form.fields.itemTitle')} />
      </Form.Item>
      <Form.Item name={[name, 'category']} style={{ marginBottom: 8 }}>
        <Select
          aria-label={t('form.fields.itemCategory')}
          options={FINDING_TAXONOMY.map((c) => ({ value: c.key, label: labelOf(c, locale) }))}
          onChange={() => form.setFieldValue(['checklist', name, 'subcategory'], '')}
        />
      </Form.Item>
      <Form.Item name={[name, 'subcategory']} style={{ marginBottom: 8 }}>
        <Select
          aria-label={t('form.fields.itemSubcategory')}
          options={[
            { value: '', label: t('form.anyItem') },
            ...items.map((i) => ({ value: i.key, label: labelOf(i, locale) })),
          ]}
        />
      </Form.Item>
      <Form.Item name={[name, 'basis']} style={{ marginBottom: 8 }}>
        <Input maxLength={500} aria-label={t('form.fields.itemBasis')} />
      </Form.Item>
      <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('form.removeItem')} />
    </div>
  );
}
