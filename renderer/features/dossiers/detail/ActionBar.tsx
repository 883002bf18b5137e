import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tooltip,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ESCALATION_MEASURES,
  type Finding,
  HANDLING_DOCUMENTS,
  INVESTIGATION_METHODS,
  type InvestigationMethod,
  REVIEW_OUTCOMES,
} from '../../../../shared/domain/dossier';
import {
  type ActionName,
  availableActions,
  type Refusal,
  type WorkflowAction,
} from '../../../../shared/workflow/machine';
import type { DossierRecord } from '../../../db/dossiers/layout';
import { takeAction, workflowContext } from '../../../db/dossiers/store';
import { useDossiers } from '../data/use-store';
import { useStoreError } from './use-store-error';

/** Actions that end or reverse something get a quieter button. */
const SECONDARY: ActionName[] = [
  'decline',
  'return_draft',
  'refer',
  'reject_rectification',
  'escalate',
  'request_review',
];

/**
 * The workflow actions the dossier's status allows. One the guards refuse is shown
 * disabled, with the reason on hover; one they allow opens a dialog for its details.
 */
export function ActionBar({ record, onChanged }: { record: DossierRecord; onChanged(next: DossierRecord): void }) {
  const { t } = useTranslation('dossiers');
  const { env } = useDossiers();
  const [active, setActive] = useState<ActionName | null>(null);
  const offered = availableActions(
    { dossier: record.dossier, findings: record.findings },
    workflowContext(env, new Date()),
  );
  if (record.dossier.origin.kind === 'received') return null;
  if (offered.length === 0) {
    return <span className="action-none">{t('actions.none')}</span>;
  }
  return (
    <Space wrap size={8} data-testid="workflow-actions">
      {offered.map(({ action, refusals }) => {
        const button = (
          <Button
            key={action}
            type={SECONDARY.includes(action) ? 'default' : 'primary'}
            disabled={refusals.length > 0}
            onClick={() => setActive(action)}
            data-testid={`action-${action}`}
          >
            {t(`actions.${action}`)}
          </Button>
        );
        return refusals.length > 0 ? (
          <Tooltip key={action} title={refusals.map((r) => t(`refusals.${r.code}`, r.params ?? {})).join(' ')}>
            <span data-testid={`refusal-${action}`}>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {active && (
        <ActionDialog
          action={active}
          record={record}
          onClose={() => setActive(null)}
          onDone={(next) => {
            setActive(null);
            onChanged(next);
          }}
        />
      )}
    </Space>
  );
}

export type Values = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const date = (v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : '');

function toAction(action: ActionName, v: Values): WorkflowAction {
  switch (action) {
    case 'open':
      return {
        action,
        methods: Array.isArray(v.methods) ? (v.methods as InvestigationMethod[]) : [],
        note: text(v.note),
      };
    case 'decline':
    case 'return_draft':
    case 'request_review':
      return { action, reason: text(v.reason) };
    case 'refer':
      return { action, to: text(v.to), reason: text(v.reason) };
    case 'record_referral_reply':
      return { action, summary: text(v.summary) };
    case 'conclude_no_problem':
      return { action, conclusion: text(v.conclusion) };
    case 'draft_handling':
      return { action, document: (v.document as 'notice') ?? 'opinion', summary: text(v.summary) };
    case 'approve':
      return { action, approver: text(v.approver), opinion: text(v.opinion) };
    case 'serve':
      return { action, servedOn: date(v.servedOn), documentNumber: text(v.documentNumber) };
    case 'start_rectification':
      return { action, days: Number(v.days), unit: v.unit === 'working' ? 'working' : 'calendar' };
    case 'receive_report':
      return {
        action,
        findingIds: Array.isArray(v.findingIds) ? (v.findingIds as string[]) : [],
        summary: text(v.summary),
        receivedOn: date(v.receivedOn),
      };
    case 'verify_rectification':
      return { action, findingId: text(v.findingId), note: text(v.note) };
    case 'reject_rectification':
      return {
        action,
        findingId: text(v.findingId),
        reason: text(v.reason),
        days: Number(v.days),
        unit: v.unit === 'calendar' ? 'calendar' : 'working',
      };
    case 'escalate':
      return {
        action,
        measure: (v.measure as 'circular') ?? 'circular',
        note: text(v.note),
        approvedBy: text(v.approvedBy),
        target: text(v.target),
      };
    case 'decide_review':
      return { action, outcome: (v.outcome as 'upheld') ?? 'upheld', reason: text(v.reason) };
    case 'close':
      return { action, conclusion: text(v.conclusion) };
    case 'start_investigation':
    case 'archive':
      return { action };
  }
}

export function ActionDialog({
  action,
  record,
  findingId,
  defaults,
  onClose,
  onDone,
}: {
  action: ActionName;
  record: DossierRecord;
  findingId?: string;
  /** Values to start the dialog with (a close's conclusion drawn from the record, say). */
  defaults?: Values;
  onClose(): void;
  onDone(next: DossierRecord): void;
}) {
  const { t } = useTranslation(['dossiers', 'common']);
  const { env, settings } = useDossiers();
  const { message } = App.useApp();
  const showStoreError = useStoreError();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<Refusal[]>([]);
  const [busy, setBusy] = useState(false);
  const measure = Form.useWatch('measure', form);
  const awaiting = record.findings.filter(
    (f) => f.rectificationStatus === 'required' || f.rectificationStatus === 'rejected',
  );
  const reported = record.findings.filter((f) => f.rectificationStatus === 'report_received');
  const findingOptions = (list: Finding[]) =>
    list.map((f, i) => ({ value: f.id, label: `${i + 1}. ${f.description.slice(0, 40)}` }));

  const initial: Values = {
    methods: [],
    opinion: t('dossiers:actions.defaults.opinion'),
    servedOn: dayjs(),
    receivedOn: dayjs(),
    days: action === 'reject_rectification' ? 10 : settings.defaultRectificationDays,
    unit: action === 'reject_rectification' ? 'working' : settings.defaultRectificationUnit,
    document: 'opinion',
    findingIds: awaiting.map((f) => f.id),
    findingId: findingId ?? reported[0]?.id,
    measure: 'leadership_talk',
    outcome: 'upheld',
    ...defaults,
  };

  const submit = async () => {
    const values = form.getFieldsValue(true);
    setBusy(true);
    try {
      const outcome = await takeAction(env, record.dossier.id, toAction(action, values));
      if (!outcome.ok) {
        const withField = outcome.refusals.filter((r) => r.field);
        form.setFields(
          Object.keys(values).map((name) => ({
            name,
            errors: withField
              .filter((r) => r.field === name)
              .map((r) => t(`dossiers:refusals.${r.code}`, r.params ?? {})),
          })),
        );
        setGeneral(outcome.refusals.filter((r) => !r.field || !(r.field in values)));
        return;
      }
      void message.success(t('dossiers:actions.done', { action: t(`dossiers:actions.${action}`) }));
      onDone(outcome.record);
    } catch (error) {
      showStoreError(error);
    } finally {
      setBusy(false);
    }
  };

  const area = (name: string, label: string, required = true) => (
    <Form.Item name={name} label={label} required={required}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
    </Form.Item>
  );
  const f = (key: string) => t(`dossiers:actions.fields.${key}`);
  const deadlineFields = (
    <Space align="start">
      <Form.Item name="days" label={f('days')} required>
        <InputNumber min={1} max={365} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="unit" label={f('unit')}>
        <Radio.Group
          optionType="button"
          options={(['calendar', 'working'] as const).map((u) => ({ value: u, label: t(`dossiers:unitNames.${u}`) }))}
        />
      </Form.Item>
    </Space>
  );

  return (
    <Modal
      open
      title={t(`dossiers:actions.${action}`)}
      okText={t('dossiers:actions.confirm')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="action-form">
        {general.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={general.map((r) => t(`dossiers:refusals.${r.code}`, r.params ?? {})).join(' ')}
          />
        )}
        {action === 'open' && (
          <>
            <Form.Item name="methods" label={f('methods')} required>
              <Checkbox.Group
                options={INVESTIGATION_METHODS.map((m) => ({ value: m, label: t(`dossiers:methods.${m}`) }))}
              />
            </Form.Item>
            {area('note', f('note'), false)}
          </>
        )}
        {(action === 'decline' || action === 'return_draft' || action === 'request_review') &&
          area('reason', f('reason'))}
        {action === 'refer' && (
          <>
            <Form.Item name="to" label={f('to')} required>
              <Input maxLength={80} />
            </Form.Item>
            {area('reason', f('reason'))}
          </>
        )}
        {action === 'record_referral_reply' && area('summary', f('summary'))}
        {action === 'conclude_no_problem' && area('conclusion', f('conclusion'))}
        {action === 'draft_handling' && (
          <>
            <Form.Item name="document" label={f('document')} required>
              <Radio.Group
                options={HANDLING_DOCUMENTS.map((d) => ({ value: d, label: t(`dossiers:documents.${d}`) }))}
              />
            </Form.Item>
            {area('summary', f('summary'))}
          </>
        )}
        {action === 'approve' && (
          <>
            <Form.Item name="approver" label={f('approver')} required>
              <Input maxLength={80} />
            </Form.Item>
            {area('opinion', f('opinion'), false)}
          </>
        )}
        {action === 'serve' && (
          <>
            <Form.Item name="servedOn" label={f('servedOn')} required>
              <DatePicker />
            </Form.Item>
            <Form.Item name="documentNumber" label={f('documentNumber')}>
              <Input maxLength={60} />
            </Form.Item>
          </>
        )}
        {action === 'start_rectification' && (
          <>
            {deadlineFields}
            <p className="form-hint">{t('dossiers:actions.hints.start_rectification')}</p>
          </>
        )}
        {action === 'receive_report' && (
          <>
            <Form.Item name="findingIds" label={f('findingIds')} required>
              <Checkbox.Group className="vertical-checks" options={findingOptions(awaiting)} />
            </Form.Item>
            <Form.Item name="receivedOn" label={f('receivedOn')} required>
              <DatePicker />
            </Form.Item>
            {area('summary', f('summary'))}
          </>
        )}
        {(action === 'verify_rectification' || action === 'reject_rectification') && (
          <Form.Item name="findingId" label={f('findingId')} required>
            <Select options={findingOptions(reported)} />
          </Form.Item>
        )}
        {action === 'verify_rectification' && area('note', f('note'), false)}
        {action === 'reject_rectification' && (
          <>
            {area('reason', f('reason'))}
            {deadlineFields}
            <p className="form-hint">{t('dossiers:actions.hints.reject_rectification')}</p>
          </>
        )}
        {action === 'escalate' && (
          <>
            <Form.Item name="measure" label={f('measure')} required>
              <Radio.Group
                options={ESCALATION_MEASURES.map((m) => ({ value: m, label: t(`dossiers:measures.${m}`) }))}
              />
            </Form.Item>
            {measure === 'decision' && (
              <Form.Item name="approvedBy" label={f('approvedBy')} required>
                <Input maxLength={80} />
              </Form.Item>
            )}
            {measure === 'discipline_referral' && (
              <Form.Item name="target" label={f('target')} required>
                <Input maxLength={80} />
              </Form.Item>
            )}
            {area('note', f('note'))}
          </>
        )}
        {action === 'decide_review' && (
          <>
            <Form.Item name="outcome" label={f('outcome')} required>
              <Radio.Group
                options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`dossiers:reviewOutcomes.${o}`) }))}
              />
            </Form.Item>
            {area('reason', f('reason'))}
          </>
        )}
        {action === 'close' && area('conclusion', f('conclusion'), false)}
        {(action === 'start_investigation' || action === 'archive') && (
          <p>{t('dossiers:actions.confirmText', { action: t(`dossiers:actions.${action}`) })}</p>
        )}
      </Form>
    </Modal>
  );
}
