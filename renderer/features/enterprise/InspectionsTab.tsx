import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/calendar/dates';
import { ENFORCEMENT_FIELDS } from '../../../shared/domain/office';
import type { EnforcementSubject } from '../../../shared/domain/registry';
import { enterpriseInspectionSchema, FOUR_ARBITRARIES, flagInspections } from '../../../shared/enterprise/inspections';
import { useSession } from '../../app/session';
import { toFieldErrors } from '../../components/field-errors';
import {
  addInspection,
  deleteInspection,
  flagHorizon,
  inspectionsSince,
  updateInspection,
} from '../../db/work/inspections';
import type { StoredInspection } from '../../db/work/records';
import { useNames } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import { useWorkSettings } from '../followup/use-work';

/** 涉企检查登记: who inspected which enterprise, when, why, jointly or not. */
export function InspectionsTab() {
  const { t } = useTranslation(['enterprise', 'common']);
  const { db, today } = useDossiers();
  const { office } = useSession();
  const work = useWorkSettings(db);
  const { message } = App.useApp();
  const [rows, setRows] = useState<StoredInspection[] | null>(null);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<StoredInspection | 'new' | null>(null);

  const reload = useCallback(() => {
    if (!work) return;
    void inspectionsSince(db, addDays(today, -flagHorizon(work.inspectionRules))).then(setRows);
  }, [db, today, work]);
  useEffect(reload, [reload]);

  const flagged = useMemo(() => {
    if (!rows || !work) return new Set<string>();
    return new Set(flagInspections(rows, work.inspectionRules).flatMap((f) => f.inspectionIds));
  }, [rows, work]);
  const names = useNames(db, { subjects: [...new Set(rows?.map((r) => r.subjectId) ?? [])] }, office?.name ?? '');
  const q = text.trim().toUpperCase();
  const shown = (rows ?? []).filter(
    (r) => !q || r.creditCode.includes(q) || r.enterpriseName.toUpperCase().includes(q),
  );

  return (
    <div className="work-page" data-testid="inspections-tab">
      <div className="work-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('enterprise:list.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 360 }}
        />
        <span className="text-muted">
          {t('enterprise:list.horizon', { days: work ? flagHorizon(work.inspectionRules) : 366 })}
        </span>
        <span className="spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="inspection-new">
          {t('enterprise:list.new')}
        </Button>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<StoredInspection>
          className="work-table"
          rowKey="id"
          size="middle"
          loading={!rows}
          dataSource={shown}
          pagination={{
            pageSize: 20,
            showSizeChanger: false,
            showTotal: (n) => t('enterprise:list.total', { count: n }),
          }}
          locale={{ emptyText: t('enterprise:list.empty') }}
          onRow={() => ({ 'data-testid': 'inspection-row' }) as never}
          columns={[
            { key: 'date', title: t('enterprise:columns.date'), dataIndex: 'date', width: 110 },
            {
              key: 'enterprise',
              title: t('enterprise:columns.enterprise'),
              render: (_, r) => (
                <>
                  {r.enterpriseName}
                  {flagged.has(r.id) && (
                    <Tag color="red" bordered={false} style={{ marginLeft: 6 }}>
                      {t('enterprise:list.flagged')}
                    </Tag>
                  )}
                  <span className="sub work-number">{r.creditCode}</span>
                </>
              ),
            },
            {
              key: 'subject',
              title: t('enterprise:columns.subject'),
              render: (_, r) => (
                <>
                  {names.subject(r.subjectId)}
                  <span className="sub">{t(`common:fields.${r.field}`)}</span>
                </>
              ),
            },
            { key: 'purpose', title: t('enterprise:columns.purpose'), dataIndex: 'purpose', ellipsis: true },
            {
              key: 'joint',
              title: t('enterprise:columns.joint'),
              width: 90,
              render: (_, r) =>
                r.joint ? <Tag color="green">{t('enterprise:joint.yes')}</Tag> : <Tag>{t('enterprise:joint.no')}</Tag>,
            },
            {
              key: 'concerns',
              title: t('enterprise:columns.concerns'),
              width: 160,
              render: (_, r) =>
                r.concerns.map((c) => (
                  <Tag key={c} color="volcano" bordered={false}>
                    {t(`enterprise:arbitraries.${c}`)}
                  </Tag>
                )),
            },
            {
              key: 'actions',
              width: 90,
              render: (_, r) => (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(r)}
                    aria-label={t('common:edit')}
                  />
                  <Popconfirm
                    title={t('enterprise:list.deleteConfirm')}
                    okText={t('enterprise:list.delete')}
                    cancelText={t('common:cancel')}
                    onConfirm={async () => {
                      await deleteInspection(db, r.id);
                      void message.success(t('enterprise:list.deleted'));
                      reload();
                    }}
                  >
                    <Button
                      type="text"
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('enterprise:list.delete')}
                    />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <InspectionDrawer
          record={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

interface FormValues {
  date?: Dayjs;
  enterpriseName: string;
  creditCode: string;
  subjectId?: string;
  field?: string;
  purpose: string;
  joint: boolean;
  concerns: string[];
}

function InspectionDrawer({
  record,
  onClose,
  onSaved,
}: {
  record: StoredInspection | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation(['enterprise', 'errors', 'common']);
  const { db, env, today } = useDossiers();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [subjects, setSubjects] = useState<EnforcementSubject[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void db.subjects.toArray().then(setSubjects);
  }, [db]);

  const initial: FormValues = record
    ? { ...record, date: dayjs(record.date), concerns: [...record.concerns] }
    : { date: dayjs(today), enterpriseName: '', creditCode: '', purpose: '', joint: false, concerns: [] };

  const save = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    const draft = {
      date: v.date ? v.date.format('YYYY-MM-DD') : '',
      enterpriseName: v.enterpriseName ?? '',
      creditCode: v.creditCode ?? '',
      subjectId: v.subjectId ?? '',
      field: v.field,
      purpose: v.purpose ?? '',
      joint: !!v.joint,
      concerns: v.concerns ?? [],
    };
    const parsed = enterpriseInspectionSchema.omit({ id: true }).safeParse(draft);
    form.setFields(
      ['date', 'enterpriseName', 'creditCode', 'subjectId', 'field', 'purpose'].map((name) => ({
        name: name as never,
        errors: [],
      })),
    );
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, t).map((e) =>
        e.name[0] === 'subjectId' ? { ...e, errors: [t('errors:fields.inspection.subjectRequired')] } : e,
      );
      form.setFields(errors.map((e) => ({ name: e.name as never, errors: e.errors })));
      return;
    }
    if (parsed.data.date > today) {
      form.setFields([{ name: 'date', errors: [t('enterprise:form.future')] }]);
      return;
    }
    setSaving(true);
    try {
      if (record) await updateInspection(db, record.id, parsed.data);
      else await addInspection(env, parsed.data);
      void message.success(t('enterprise:form.saved'));
      onSaved();
    } finally {
      setSaving(false);
    }
  };

  const f = (key: string) => t(`enterprise:form.fields.${key}`);
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={record ? t('enterprise:form.editTitle') : t('enterprise:form.title')}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="inspection-save">
            {t('common:save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        requiredMark
        data-testid="inspection-form"
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.subjectId) {
            const subject = subjects.find((s) => s.id === changed.subjectId);
            if (subject) form.setFieldValue('field', subject.field);
          }
        }}
      >
        <Form.Item name="date" label={f('date')} required>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(today), 'day')} />
        </Form.Item>
        <Form.Item name="enterpriseName" label={f('enterpriseName')} required>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="creditCode" label={f('creditCode')} required extra={f('creditCodeHelp')}>
          <Input maxLength={18} style={{ textTransform: 'uppercase', fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="subjectId" label={f('subject')} required>
          <Select
            showSearch
            optionFilterProp="label"
            options={subjects.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
            data-testid="inspection-subject"
          />
        </Form.Item>
        <Form.Item name="field" label={f('field')} required>
          <Select options={ENFORCEMENT_FIELDS.map((x) => ({ value: x, label: t(`common:fields.${x}`) }))} />
        </Form.Item>
        <Form.Item name="purpose" label={f('purpose')} required>
          <Input maxLength={500} placeholder={f('purposePlaceholder')} />
        </Form.Item>
        <Form.Item name="joint" label={f('joint')} valuePropName="checked" extra={f('jointHelp')}>
          <Switch />
        </Form.Item>
        <Form.Item name="concerns" label={f('concerns')} extra={f('concernsHelp')}>
          <Checkbox.Group
            options={FOUR_ARBITRARIES.map((c) => ({ value: c, label: t(`enterprise:arbitraries.${c}`) }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
