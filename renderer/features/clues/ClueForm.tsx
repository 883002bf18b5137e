import { WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  List,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CLUE_SOURCES,
  type Clue,
  type ClueSource,
  clueDraftSchema,
  defaultKindFor,
  sourceHasReporter,
} from '../../../shared/clues/clue';
import type { DuplicateHint } from '../../../shared/clues/similarity';
import { DOSSIER_KINDS, PRIORITIES } from '../../../shared/domain/dossier';
import { useCommand } from '../../app/commands';
import { compactFormValues, toFieldErrors } from '../../components/field-errors';
import { findLikelyDuplicates, registerClue } from '../../db/work/clues';
import { RegistrySelect } from '../dossiers/components/RegistrySelect';
import { useDossiers } from '../dossiers/data/use-store';
import { useStoreError } from '../dossiers/detail/use-store-error';
import { useWorkSettings } from '../followup/use-work';
import { CLUE_STATUS_COLORS } from './labels';

interface FormValues {
  source: ClueSource;
  receivedOn?: Dayjs;
  title: string;
  content: string;
  subjectIds: string[];
  supervisedOrganIds: string[];
  enterpriseName: string;
  creditCode: string;
  proposedKind: string;
  priority: string;
  hasReporter: boolean;
  reporter: { anonymous: boolean; name: string; phone: string; contact: string };
}

const FIELD_NAMES = [
  'source',
  'receivedOn',
  'title',
  'content',
  'subjectIds',
  'supervisedOrganIds',
  'enterpriseName',
  'creditCode',
  ['reporter', 'name'],
];

/**
 * 登记线索. While the clerk types, clues on the same subject that read alike are
 * pointed out beside the form, before anything is saved.
 */
export function ClueForm() {
  const { t } = useTranslation(['clues', 'dossiers', 'errors', 'common']);
  const { db, env, today } = useDossiers();
  const work = useWorkSettings(db);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showStoreError = useStoreError();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [hints, setHints] = useState<{ hint: DuplicateHint; clue: Clue }[]>([]);
  const hintRequest = useRef(0);

  const initialValues = useMemo<FormValues>(
    () => ({
      source: 'hotline_12345',
      receivedOn: dayjs(today),
      title: '',
      content: '',
      subjectIds: [],
      supervisedOrganIds: [],
      enterpriseName: '',
      creditCode: '',
      proposedKind: 'clue',
      priority: 'normal',
      hasReporter: true,
      reporter: { anonymous: false, name: '', phone: '', contact: '' },
    }),
    [today],
  );

  const title = Form.useWatch('title', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const subjectIds = Form.useWatch('subjectIds', form) ?? [];
  const organIds = Form.useWatch('supervisedOrganIds', form) ?? [];
  const creditCode = Form.useWatch('creditCode', form) ?? '';
  const enterpriseName = Form.useWatch('enterpriseName', form) ?? '';
  const hasReporter = Form.useWatch('hasReporter', form) ?? true;
  const anonymous = Form.useWatch(['reporter', 'anonymous'], form) ?? false;
  const hintKey = JSON.stringify([title, content, subjectIds, organIds, creditCode, enterpriseName]);

  // Likely duplicates, a moment after the clerk stops typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: hintKey stands for the compared fields
  useEffect(() => {
    const id = ++hintRequest.current;
    if (`${title}${content}`.trim().length < 6) {
      setHints([]);
      return;
    }
    const timer = setTimeout(() => {
      void findLikelyDuplicates(db, {
        title,
        content,
        subjectIds,
        supervisedOrganIds: organIds,
        creditCode: creditCode.trim().toUpperCase(),
        enterpriseName,
      }).then((found) => {
        if (id === hintRequest.current) setHints(found);
      });
    }, 350);
    return () => clearTimeout(timer);
  }, [db, hintKey]);

  const save = useCallback(async () => {
    if (!work) return;
    const raw = form.getFieldsValue(true) as FormValues;
    const values: Record<string, unknown> = {
      ...raw,
      receivedOn: raw.receivedOn && dayjs.isDayjs(raw.receivedOn) ? raw.receivedOn.format('YYYY-MM-DD') : undefined,
      reporter: raw.hasReporter ? { ...raw.reporter, anonymous: !!raw.reporter?.anonymous } : undefined,
      similarIds: hints.map((h) => h.clue.id),
    };
    delete values.hasReporter;
    const parsed = clueDraftSchema.safeParse(compactFormValues(values));
    form.setFields(FIELD_NAMES.map((name) => ({ name: name as never, errors: [] })));
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, t);
      form.setFields(errors.map((e) => ({ name: e.name as never, errors: e.errors })));
      form.scrollToField(errors[0]?.name as never);
      return;
    }
    if (parsed.data.receivedOn > today) {
      form.setFields([{ name: 'receivedOn', errors: [t('clues:form.receivedInFuture')] }]);
      return;
    }
    setSaving(true);
    try {
      const clue = await registerClue(env, work, parsed.data);
      void message.success(t('clues:form.created', { number: clue.number, due: clue.assessDue }));
      navigate(`/clues/${clue.id}`, { replace: true });
    } catch (error) {
      showStoreError(error);
    } finally {
      setSaving(false);
    }
  }, [env, form, hints, message, navigate, showStoreError, t, today, work]);
  useCommand('save', save);

  const f = (key: string) => t(`clues:form.fields.${key}`);

  return (
    <Row gutter={16} align="top">
      <Col flex="1 1 620px">
        <Card title={t('clues:form.title')}>
          <Typography.Paragraph type="secondary">
            {t('clues:form.hint', { days: work?.clueAssessmentWorkingDays ?? '…' })}
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onFinish={() => void save()}
            onValuesChange={(changed: Partial<FormValues>) => {
              if (changed.source) {
                form.setFieldsValue({
                  proposedKind: defaultKindFor(changed.source),
                  hasReporter: sourceHasReporter(changed.source),
                });
              }
            }}
            data-testid="clue-form"
            requiredMark
          >
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item name="source" label={f('source')} required>
                  <Select
                    options={CLUE_SOURCES.map((s) => ({ value: s, label: t(`dossiers:sources.${s}`) }))}
                    data-testid="clue-source"
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="receivedOn" label={f('receivedOn')} required>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(today), 'day')} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="priority" label={f('priority')}>
                  <Radio.Group
                    optionType="button"
                    options={PRIORITIES.map((p) => ({ value: p, label: t(`dossiers:priorities.${p}`) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="title" label={f('title')} required>
              <Input maxLength={200} placeholder={f('titlePlaceholder')} autoFocus />
            </Form.Item>
            <Form.Item name="content" label={f('content')} required extra={f('contentHelp')}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="subjectIds" label={f('subjects')}>
                  <RegistrySelect
                    registry="subjects"
                    placeholder={f('searchPlaceholder')}
                    data-testid="clue-subjects"
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="supervisedOrganIds" label={f('organs')}>
                  <RegistrySelect registry="organs" placeholder={f('searchPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="enterpriseName" label={f('enterpriseName')}>
                  <Input maxLength={120} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="creditCode" label={f('creditCode')}>
                  <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="proposedKind" label={f('proposedKind')} extra={f('proposedKindHelp')}>
              <Select
                style={{ maxWidth: 280 }}
                options={DOSSIER_KINDS.map((k) => ({ value: k, label: t(`dossiers:kinds.${k}`) }))}
              />
            </Form.Item>

            <div className="reporter-box">
              <Space align="center" style={{ marginBottom: hasReporter ? 12 : 0 }} wrap>
                <Form.Item name="hasReporter" valuePropName="checked" noStyle>
                  <Switch data-testid="clue-has-reporter" />
                </Form.Item>
                <Typography.Text strong>{t('clues:reporter.title')}</Typography.Text>
                {hasReporter && (
                  <Form.Item name={['reporter', 'anonymous']} valuePropName="checked" noStyle>
                    <Checkbox data-testid="clue-anonymous">{t('clues:reporter.anonymousReport')}</Checkbox>
                  </Form.Item>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('clues:reporter.protection')}
                </Typography.Text>
              </Space>
              {hasReporter && !anonymous && (
                <Row gutter={16}>
                  <Col span={8}>
                    <Form.Item name={['reporter', 'name']} label={t('clues:reporter.name')}>
                      <Input maxLength={40} autoComplete="off" data-testid="reporter-name" />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={['reporter', 'phone']} label={t('clues:reporter.phone')}>
                      <Input maxLength={40} autoComplete="off" data-testid="reporter-phone" />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={['reporter', 'contact']} label={t('clues:reporter.contact')}>
                      <Input maxLength={200} autoComplete="off" />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </div>

            <Space style={{ marginTop: 24 }}>
              <Button type="primary" htmlType="submit" loading={saving} disabled={!work} data-testid="clue-save">
                {t('clues:form.save')}
              </Button>
              <Button onClick={() => navigate(-1)}>{t('common:cancel')}</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col flex="0 0 340px">
        <DuplicateHints hints={hints} />
      </Col>
    </Row>
  );
}

function DuplicateHints({ hints }: { hints: { hint: DuplicateHint; clue: Clue }[] }) {
  const { t } = useTranslation('clues');
  return (
    <Card
      size="small"
      title={
        <Space>
          {hints.length > 0 && <WarningOutlined style={{ color: '#d4880f' }} />}
          {t('duplicates.title')}
        </Space>
      }
      data-testid="duplicate-hints"
    >
      {hints.length === 0 ? (
        <Typography.Text type="secondary">{t('duplicates.none')}</Typography.Text>
      ) : (
        <>
          <Alert type="warning" showIcon title={t('duplicates.found', { count: hints.length })} />
          <List
            className="duplicate-hints"
            dataSource={hints}
            renderItem={({ hint, clue }) => (
              <List.Item data-testid="duplicate-hint">
                <div style={{ width: '100%' }}>
                  <Space size={6} wrap>
                    <span className="work-number">{clue.number}</span>
                    <Tag color={CLUE_STATUS_COLORS[clue.status]} bordered={false}>
                      {t(`statuses.${clue.status}`)}
                    </Tag>
                    <Tag color="orange" bordered={false}>
                      {t('duplicates.score', { percent: Math.round(hint.score * 100) })}
                    </Tag>
                  </Space>
                  <Tooltip title={<span className="pre-wrap">{clue.content}</span>}>
                    <div>{clue.title}</div>
                  </Tooltip>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {clue.receivedOn} ·{' '}
                    {hint.sameEnterprise ? t('duplicates.sameEnterprise') : t('duplicates.sameSubject')}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('duplicates.note')}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
