import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COORDINATION_OUTCOMES,
  type Coordination,
  type CoordinationParty,
  coordinationDocumentSource,
  coordinationDraftSchema,
} from '../../../shared/coordination/coordination';
import { availableActions } from '../../../shared/workflow/machine';
import { compactFormValues, toFieldErrors } from '../../components/field-errors';
import type { DossierRecord } from '../../db/dossiers/layout';
import { workflowContext } from '../../db/dossiers/store';
import { CoordinationConflict, getCoordination, saveCoordination } from '../../db/work/coordinations';
import { DraftDocumentButton } from '../documents/draft-from-source';
import { useRegistryOptions } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import { ActionDialog } from '../dossiers/detail/ActionBar';
import type { DossierPanelProps } from '../dossiers/detail/extra-panels';
import { useStoreError } from '../dossiers/detail/use-store-error';
// Dossier panels load without the work pages: they bring the styles they use.
import '../followup/work.css';

const OUTCOME_COLORS = {
  pending: 'processing',
  agreed: 'green',
  designated: 'blue',
  escalated: 'purple',
  withdrawn: 'default',
};

/** 管辖争议协调: the parties and their positions, the coordination opinion and how it ended. */
export default function CoordinationPanel({ record, readOnly, onChanged }: DossierPanelProps) {
  const { t } = useTranslation(['coordination', 'common']);
  const { db } = useDossiers();
  const [coordination, setCoordination] = useState<Coordination | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const d = record.dossier;
  const load = useCallback(() => void getCoordination(db, d.id).then((c) => setCoordination(c ?? null)), [db, d.id]);
  useEffect(load, [load]);

  if (coordination === undefined) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (editing || (coordination === null && !readOnly)) {
    return (
      <CoordinationForm
        record={record}
        current={coordination}
        onCancel={coordination ? () => setEditing(false) : undefined}
        onSaved={(next) => {
          setCoordination(next);
          setEditing(false);
        }}
      />
    );
  }
  if (!coordination) return <Empty description={t('coordination:none')} />;

  const c = coordination;
  return (
    <div className="work-page" data-testid="coordination-view">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Tag color={OUTCOME_COLORS[c.outcome]} data-testid="coordination-outcome">
            {t(`coordination:outcomes.${c.outcome}`)}
          </Tag>
          {c.decidedOn && <span className="text-muted">{c.decidedOn}</span>}
        </Space>
        <Space>
          <DraftDocumentButton source={() => coordinationDocumentSource(d, c)} types={['coordination_opinion']} />
          {!readOnly && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="coordination-edit">
              {t('common:edit')}
            </Button>
          )}
        </Space>
      </Space>
      {!readOnly && <CloseOffer record={record} coordination={c} onChanged={onChanged} />}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'dispute',
            label: t('coordination:fields.disputedMatter'),
            children: <span className="pre-wrap">{c.disputedMatter}</span>,
          },
        ]}
      />
      <Table<CoordinationParty>
        className="work-table"
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={c.parties}
        onRow={() => ({ 'data-testid': 'coordination-party' }) as never}
        columns={[
          { key: 'name', title: t('coordination:fields.party'), dataIndex: 'name', width: 240 },
          {
            key: 'position',
            title: t('coordination:fields.position'),
            render: (_, p) => <span className="pre-wrap">{p.position || '—'}</span>,
          },
        ]}
      />
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          {
            key: 'opinion',
            label: t('coordination:fields.opinion'),
            children: <span className="pre-wrap">{c.opinion || '—'}</span>,
            span: 2,
          },
          { key: 'opinionOn', label: t('coordination:fields.opinionOn'), children: c.opinionOn ?? '—' },
          { key: 'competent', label: t('coordination:fields.competentOrgan'), children: c.competentOrgan || '—' },
          {
            key: 'note',
            label: t('coordination:fields.outcomeNote'),
            children: <span className="pre-wrap">{c.outcomeNote || '—'}</span>,
            span: 2,
          },
        ]}
      />
      <span className="text-muted" style={{ fontSize: 12 }}>
        {t('coordination:updated', { by: c.updatedBy, at: dayjs(c.updatedAt).format('YYYY-MM-DD HH:mm') })}
      </span>
    </div>
  );
}

/**
 * Once the dispute's outcome is recorded, the dossier is ready to close: the offer opens
 * the workflow's close dialog with a conclusion drawn from the outcome. Shown only while
 * the workflow allows closing (its guards, such as unsettled findings, still apply).
 */
function CloseOffer({
  record,
  coordination,
  onChanged,
}: {
  record: DossierRecord;
  coordination: Coordination;
  onChanged(next: DossierRecord): void;
}) {
  const { t } = useTranslation('coordination');
  const { env } = useDossiers();
  const [open, setOpen] = useState(false);
  if (coordination.outcome === 'pending') return null;
  const close = availableActions(
    { dossier: record.dossier, findings: record.findings },
    workflowContext(env, new Date()),
  ).find((a) => a.action === 'close');
  if (!close || close.refusals.length > 0) return null;
  const outcome = t(`outcomes.${coordination.outcome}`);
  const conclusion = [
    t('closeOffer.conclusion', { outcome }),
    coordination.competentOrgan ? t('closeOffer.competent', { organ: coordination.competentOrgan }) : '',
    coordination.outcomeNote,
  ].join('');
  return (
    <Alert
      type="success"
      showIcon
      message={t('closeOffer.message', { outcome })}
      data-testid="coordination-close-offer"
      action={
        <>
          <Button type="primary" size="small" onClick={() => setOpen(true)} data-testid="coordination-close">
            {t('closeOffer.button')}
          </Button>
          {open && (
            <ActionDialog
              action="close"
              record={record}
              defaults={{ conclusion }}
              onClose={() => setOpen(false)}
              onDone={(next) => {
                setOpen(false);
                onChanged(next);
              }}
            />
          )}
        </>
      }
    />
  );
}

interface FormValues {
  parties: { organId?: string; name: string; position: string }[];
  disputedMatter: string;
  opinion: string;
  opinionOn?: Dayjs;
  outcome: string;
  competentOrgan: string;
  outcomeNote: string;
  decidedOn?: Dayjs;
}

function CoordinationForm({
  record,
  current,
  onCancel,
  onSaved,
}: {
  record: DossierPanelProps['record'];
  current: Coordination | null;
  onCancel?: () => void;
  onSaved(next: Coordination): void;
}) {
  const { t } = useTranslation(['coordination', 'errors', 'common']);
  const { db, env, today } = useDossiers();
  const { message } = App.useApp();
  const showStoreError = useStoreError();
  const options = useRegistryOptions(db);
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const parties = Form.useWatch('parties', form) ?? [];

  const initial: FormValues = current
    ? {
        ...current,
        opinionOn: current.opinionOn ? dayjs(current.opinionOn) : undefined,
        decidedOn: current.decidedOn ? dayjs(current.decidedOn) : undefined,
      }
    : {
        parties: [
          { name: '', position: '' },
          { name: '', position: '' },
        ],
        disputedMatter: record.dossier.summary,
        opinion: '',
        outcome: 'pending',
        competentOrgan: '',
        outcomeNote: '',
      };

  const save = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    const values = compactFormValues({
      ...v,
      parties: (v.parties ?? []).map((p) => ({
        organId: p.organId ?? '',
        name: p.name ?? '',
        position: p.position ?? '',
      })),
      opinionOn: v.opinionOn?.format('YYYY-MM-DD'),
      decidedOn: v.decidedOn?.format('YYYY-MM-DD'),
    } as Record<string, unknown>);
    const parsed = coordinationDraftSchema.safeParse(values);
    const names: (string | number)[][] = [
      ['disputedMatter'],
      ['opinion'],
      ['decidedOn'],
      ['competentOrgan'],
      ['parties'],
    ];
    (v.parties ?? []).forEach((_, i) => {
      names.push(['parties', i, 'name']);
    });
    form.setFields(names.map((name) => ({ name: name as never, errors: [] })));
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, t);
      form.setFields(errors.map((e) => ({ name: e.name as never, errors: e.errors })));
      return;
    }
    setSaving(true);
    try {
      const next = await saveCoordination(env, record.dossier.id, current?.version ?? 0, parsed.data);
      void message.success(t('coordination:saved'));
      onSaved(next);
    } catch (error) {
      if (error instanceof CoordinationConflict) void message.error(t('coordination:conflict'));
      else showStoreError(error);
    } finally {
      setSaving(false);
    }
  };

  const f = (key: string) => t(`coordination:fields.${key}`);
  return (
    <Form form={form} layout="vertical" initialValues={initial} data-testid="coordination-form" requiredMark>
      <Form.Item name="disputedMatter" label={f('disputedMatter')} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <div className="text-muted" style={{ marginBottom: 8 }}>
        {f('parties')}
      </div>
      <Form.List name="parties">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <div className="party-row" key={field.key} data-testid="party-fields">
                <Form.Item name={[field.name, 'name']} style={{ marginBottom: 8 }}>
                  <AutoComplete
                    placeholder={f('partyPlaceholder')}
                    options={options.organs.map((o) => ({ value: o.label }))}
                    filterOption={(input, option) => String(option?.value ?? '').includes(input)}
                  >
                    <Input maxLength={80} aria-label={f('party')} />
                  </AutoComplete>
                </Form.Item>
                <Form.Item name={[field.name, 'position']} style={{ marginBottom: 8 }}>
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={2000}
                    placeholder={f('positionPlaceholder')}
                    aria-label={f('position')}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={fields.length <= 2}
                  onClick={() => remove(field.name)}
                  aria-label={t('coordination:removeParty')}
                />
              </div>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', position: '' })}
              style={{ marginBottom: 16 }}
            >
              {t('coordination:addParty')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="opinion" label={f('opinion')} extra={f('opinionHelp')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="opinionOn" label={f('opinionOn')}>
            <DatePicker disabledDate={(x) => x.isAfter(dayjs(today), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="outcome" label={f('outcome')} required>
            <Select
              options={COORDINATION_OUTCOMES.map((o) => ({ value: o, label: t(`coordination:outcomes.${o}`) }))}
              data-testid="coordination-outcome-select"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="decidedOn" label={f('decidedOn')} required={outcome !== 'pending'}>
            <DatePicker disabledDate={(x) => x.isAfter(dayjs(today), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="competentOrgan"
        label={f('competentOrgan')}
        required={outcome === 'agreed' || outcome === 'designated'}
      >
        <AutoComplete
          options={parties.filter((p) => p?.name).map((p) => ({ value: p.name }))}
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
        >
          <Input maxLength={80} />
        </AutoComplete>
      </Form.Item>
      <Form.Item name="outcomeNote" label={f('outcomeNote')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Space>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="coordination-save">
          {t('common:save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common:cancel')}</Button>}
      </Space>
    </Form>
  );
}
