import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarText, type HolidayYear, parseCalendarText } from '../../../../shared/calendar';
import { DEFAULT_HOLIDAY_YEARS } from '../../../../shared/calendar/holidays';
import { WorkingCalendar } from '../../../../shared/calendar/working-days';
import { workDemoDossierCount } from '../../../../shared/demo/work';
import { useSession } from '../../../app/session';
import { db } from '../../../db/database';
import { seedDemoData } from '../../../db/dossiers/seed';
import { todayOf } from '../../../db/dossiers/store';
import { planWorkDemo, seedWorkDemo } from '../../../db/work/demo';
import {
  clerkName,
  loadHolidayYears,
  loadWorkflowSettings,
  NUMERIC_SETTINGS,
  resetHolidayYear,
  saveHolidayYear,
  saveWorkflowSettings,
  setClerkName,
} from '../data/env';
import { dropRegistryOptions } from '../data/names';
import '../dossiers.css';

/** The dossier feature's cards in Settings: clerk, deadline rules, holiday calendar, demo data. */
export default function DossierSettings() {
  return (
    <>
      <ClerkCard />
      <WorkflowSettingsCard />
      <CalendarCard />
      <DemoDataCard />
    </>
  );
}

function ClerkCard() {
  const { t } = useTranslation('dossiers');
  const { message } = App.useApp();
  const [name, setName] = useState(clerkName());
  return (
    <Card title={t('clerk.title')}>
      <Typography.Paragraph type="secondary">{t('clerk.description')}</Typography.Paragraph>
      <Space.Compact>
        <Input
          value={name}
          maxLength={40}
          placeholder={t('clerk.placeholder')}
          aria-label={t('clerk.title')}
          onChange={(e) => setName(e.target.value)}
          style={{ width: 220 }}
          data-testid="clerk-name"
        />
        <Button
          onClick={() => {
            setClerkName(name);
            void message.success(t('clerk.saved'));
          }}
          data-testid="clerk-save"
        >
          {t('common:save')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

function WorkflowSettingsCard() {
  const { t } = useTranslation(['dossiers', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  useEffect(() => {
    void loadWorkflowSettings(db()).then((s) => form.setFieldsValue(s));
  }, [form]);
  return (
    <Card title={t('dossiers:settings.title')}>
      <Typography.Paragraph type="secondary">{t('dossiers:settings.description')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        className="settings-inline-form"
        onFinish={(values) =>
          void saveWorkflowSettings(db(), values).then(() => message.success(t('dossiers:settings.saved')))
        }
      >
        {NUMERIC_SETTINGS.map((key) => (
          <Form.Item key={key} name={key} label={t(`dossiers:settings.${key}`)} rules={[{ required: true }]}>
            <InputNumber min={1} max={key === 'minHandlers' ? 9 : 365} style={{ width: 90 }} />
          </Form.Item>
        ))}
        <Form.Item>
          <Button htmlType="submit">{t('common:save')}</Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function CalendarCard() {
  const { t } = useTranslation(['dossiers', 'common']);
  const { locale } = useSession();
  const { message } = App.useApp();
  const [years, setYears] = useState<HolidayYear[]>([]);
  const [editing, setEditing] = useState<{ year: number; text: string; reference: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const reload = useCallback(() => void loadHolidayYears(db()).then(setYears), []);
  useEffect(reload, [reload]);
  const defaults = new Map(DEFAULT_HOLIDAY_YEARS.map((y) => [y.year, y]));
  const nextYear = (years.at(-1)?.year ?? new Date().getFullYear()) + 1;

  const save = async () => {
    if (!editing) return;
    const result = parseCalendarText(editing.text, editing.year);
    if (!result.ok) {
      setProblems(
        result.issues.map((i) =>
          t(`dossiers:calendar.import_problems.${i.problem}`, { line: i.line, year: editing.year }),
        ),
      );
      return;
    }
    await saveHolidayYear(db(), { ...result.year, reference: editing.reference.trim() });
    setEditing(null);
    setProblems([]);
    reload();
    void message.success(t('dossiers:calendar.saved', { year: editing.year }));
  };

  return (
    <Card
      title={t('dossiers:calendar.title')}
      extra={
        <Button onClick={() => setEditing({ year: nextYear, text: '', reference: '' })} data-testid="calendar-add">
          {t('dossiers:calendar.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('dossiers:calendar.description')}</Typography.Paragraph>
      {years
        .filter((y) => y.source === 'provisional')
        .map((y) => (
          <Alert
            key={y.year}
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('dossiers:calendar.provisional', { year: y.year })}
          />
        ))}
      <List
        dataSource={years}
        data-testid="calendar-years"
        renderItem={(y) => {
          const off = y.days.filter((d) => d.kind === 'holiday').length;
          const worked = y.days.filter((d) => d.kind === 'workday').length;
          const changed = defaults.get(y.year) !== y;
          return (
            <List.Item
              actions={[
                <Button
                  key="edit"
                  size="small"
                  onClick={() => setEditing({ year: y.year, text: formatCalendarText(y), reference: y.reference })}
                >
                  {t('dossiers:calendar.edit')}
                </Button>,
                ...(changed && defaults.has(y.year)
                  ? [
                      <Button
                        key="reset"
                        size="small"
                        type="link"
                        onClick={() =>
                          void resetHolidayYear(db(), y.year).then(() => {
                            reload();
                            void message.success(t('dossiers:calendar.resetDone', { year: y.year }));
                          })
                        }
                      >
                        {t('dossiers:calendar.reset')}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    <strong>{t('dossiers:calendar.year', { year: y.year })}</strong>
                    <Tag color={y.source === 'official' ? 'green' : y.source === 'provisional' ? 'orange' : 'blue'}>
                      {t(`dossiers:calendar.sources.${y.source}`)}
                    </Tag>
                  </Space>
                }
                description={
                  <>
                    {t('dossiers:calendar.holidays', { count: off })} ·{' '}
                    {t('dossiers:calendar.workdays', { count: worked })}
                    {/* Shipped years cite the notice by its Chinese title; show it where it reads. */}
                    {y.reference && (locale === 'zh-CN' || !defaults.has(y.year) || changed) && (
                      <div className="calendar-reference">{y.reference}</div>
                    )}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
      <Modal
        open={!!editing}
        title={editing ? t('dossiers:calendar.year', { year: editing.year }) : ''}
        onCancel={() => {
          setEditing(null);
          setProblems([]);
        }}
        onOk={() => void save()}
        okText={t('common:save')}
        cancelText={t('common:cancel')}
        width={560}
        destroyOnHidden
      >
        {editing && (
          <Form layout="vertical">
            <Form.Item label={t('dossiers:calendar.yearLabel')}>
              <InputNumber
                min={2000}
                max={2100}
                value={editing.year}
                onChange={(v) => setEditing({ ...editing, year: Number(v ?? editing.year) })}
              />
            </Form.Item>
            <Form.Item label={t('dossiers:calendar.reference')}>
              <Input
                value={editing.reference}
                maxLength={200}
                onChange={(e) => setEditing({ ...editing, reference: e.target.value })}
              />
            </Form.Item>
            <Form.Item
              label={t('dossiers:calendar.import')}
              extra={t('dossiers:calendar.text')}
              validateStatus={problems.length > 0 ? 'error' : undefined}
              help={problems.length > 0 ? problems.map((p) => <div key={p}>{p}</div>) : undefined}
            >
              <Input.TextArea
                rows={12}
                value={editing.text}
                onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                className="calendar-text"
                data-testid="calendar-text"
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Card>
  );
}

function DemoDataCard() {
  const { t } = useTranslation(['dossiers', 'common']);
  const { office } = useSession();
  const [count, setCount] = useState(1000);
  const [seed, setSeed] = useState(1);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ dossiers: number; findings: number; ms: number; generateMs: number } | null>(
    null,
  );
  const [error, setError] = useState(false);

  const generate = async () => {
    if (!office) return;
    setResult(null);
    setError(false);
    setProgress({ done: 0, total: count });
    const [years, settings] = await Promise.all([loadHolidayYears(db()), loadWorkflowSettings(db())]);
    const start = performance.now();
    let shown = start;
    try {
      const base = {
        seed,
        today: todayOf(new Date()),
        office: { name: office.name, shortName: office.shortName, divisionCode: office.divisionCode },
        calendar: new WorkingCalendar(years),
        settings,
      };
      // Supervision work (clues, a campaign, disputes…) makes dossiers of its own: the
      // generated ones fill the rest, so the total is the count asked for.
      const work = planWorkDemo(base);
      const planned = workDemoDossierCount(work.plan);
      const workDossiers = planned <= count ? planned : 0;
      const r = await seedDemoData(db(), {
        ...base,
        count: count - workDossiers,
        // A few repaints a second are enough; each one costs the generation time.
        onProgress: (done, total) => {
          const now = performance.now();
          if (now - shown > 400 || done === total) {
            shown = now;
            setProgress({ done, total });
          }
        },
      });
      if (workDossiers > 0) {
        const w = await seedWorkDemo(db(), work);
        r.dossiers += w.dossiers;
      }
      performance.measure('desk:demo:seed', { start, end: performance.now() });
      dropRegistryOptions();
      setResult(r);
      setSeed(seed + 1);
    } catch (e) {
      console.error(e);
      setError(true);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card title={t('dossiers:demo.title')}>
      <Typography.Paragraph type="secondary">{t('dossiers:demo.description')}</Typography.Paragraph>
      <Alert type="warning" showIcon message={t('dossiers:demo.warning')} style={{ marginBottom: 16 }} />
      <Space wrap>
        <span>{t('dossiers:demo.count')}</span>
        <Select
          value={count}
          onChange={setCount}
          style={{ width: 130 }}
          data-testid="demo-count"
          options={[100, 1000, 10_000, 100_000].map((n) => ({ value: n, label: n.toLocaleString() }))}
        />
        <span>{t('dossiers:demo.seed')}</span>
        <InputNumber
          min={1}
          max={9999}
          value={seed}
          onChange={(v) => setSeed(Number(v ?? 1))}
          data-testid="demo-seed"
        />
        <Button type="primary" loading={!!progress} onClick={() => void generate()} data-testid="demo-generate">
          {t('dossiers:demo.generate')}
        </Button>
      </Space>
      {progress && (
        <div style={{ marginTop: 16 }}>
          <Progress percent={Math.round((progress.done / progress.total) * 100)} />
          <Typography.Text type="secondary">{t('dossiers:demo.running', progress)}</Typography.Text>
        </div>
      )}
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="demo-result"
          data-ms={Math.round(result.ms)}
          data-generate-ms={Math.round(result.generateMs)}
          data-dossiers={result.dossiers}
          data-findings={result.findings}
          message={t('dossiers:demo.done', {
            dossiers: result.dossiers.toLocaleString(),
            findings: result.findings.toLocaleString(),
            seconds: (result.ms / 1000).toFixed(1),
          })}
        />
      )}
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon message={t('errors:codes.INTERNAL')} />}
    </Card>
  );
}
