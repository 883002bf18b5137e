import { Alert, App, AutoComplete, Checkbox, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClueRefusal } from '../../../shared/clues/assessment';
import type { Clue } from '../../../shared/clues/clue';
import {
  DOSSIER_KINDS,
  type DossierKind,
  INVESTIGATION_METHODS,
  type InvestigationMethod,
} from '../../../shared/domain/dossier';
import type { Refusal } from '../../../shared/workflow/machine';
import { type ClueOutcome, declineClue, openDossierFromClue, recordClueReply, referClue } from '../../db/work/clues';
import type { WorkSettings } from '../../db/work/settings';
import { RegistrySelect } from '../dossiers/components/RegistrySelect';
import { useRegistryOptions } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import { useStoreError } from '../dossiers/detail/use-store-error';
import { lateDays, refusalText } from '../followup/use-work';

export type ClueAction = 'open' | 'refer' | 'decline' | 'reply';

type Values = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The dialog of one assessment outcome (立项 / 移送 / 不予立项) or of the referral reply. */
export function ClueActionDialog({
  action,
  clue,
  work,
  onClose,
  onDone,
}: {
  action: ClueAction;
  clue: Clue;
  work: WorkSettings;
  onClose(): void;
  onDone(next: Clue, dossierId?: string): void;
}) {
  const { t } = useTranslation(['clues', 'dossiers', 'common', 'errors']);
  const { db, env, today, settings, calendar } = useDossiers();
  const { message } = App.useApp();
  const showStoreError = useStoreError();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<(ClueRefusal | Refusal)[]>([]);
  const [busy, setBusy] = useState(false);
  const options = useRegistryOptions(db);
  const openNow = Form.useWatch('openNow', form) ?? true;
  const replyOn = Form.useWatch('on', form) as Dayjs | undefined;

  const initial: Values = {
    kind: clue.proposedKind,
    subjectIds: clue.subjectIds,
    supervisedOrganIds: clue.supervisedOrganIds,
    handlerIds: [],
    openNow: true,
    methods: ['case_files'],
    on: dayjs(today),
  };
  const referralDue = useMemo(
    () => calendar.addWorkingDays(today, settings.referralReplyWorkingDays),
    [calendar, today, settings.referralReplyWorkingDays],
  );

  const show = (
    outcome: ClueOutcome | { ok: false; fieldIssues: { path: (string | number)[]; message: string }[] },
  ) => {
    if (outcome.ok) return true;
    if ('fieldIssues' in outcome) {
      form.setFields(
        outcome.fieldIssues.map((i) => ({
          name: i.path as never,
          errors: [t(`errors:fields.${i.message}`, { defaultValue: t('errors:fields.invalid') })],
        })),
      );
      return false;
    }
    const withField = outcome.refusals.filter((r) => r.field && r.field in form.getFieldsValue(true));
    form.setFields(withField.map((r) => ({ name: r.field as never, errors: [refusalText(t, r)] })));
    setGeneral(outcome.refusals.filter((r) => !withField.includes(r)));
    return false;
  };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    setGeneral([]);
    setBusy(true);
    try {
      let outcome: Awaited<ReturnType<typeof openDossierFromClue>>;
      switch (action) {
        case 'open':
          outcome = await openDossierFromClue(env, work, clue.id, {
            kind: v.kind as DossierKind,
            subjectIds: (v.subjectIds as string[]) ?? [],
            supervisedOrganIds: (v.supervisedOrganIds as string[]) ?? [],
            handlerIds: (v.handlerIds as string[]) ?? [],
            ...(dayjs.isDayjs(v.deadline) ? { deadline: (v.deadline as Dayjs).format('YYYY-MM-DD') } : {}),
            ...(v.openNow ? { methods: (v.methods as InvestigationMethod[]) ?? [] } : {}),
            note: text(v.note),
          });
          break;
        case 'refer':
          outcome = await referClue(env, work, clue.id, { to: text(v.to), reason: text(v.reason) });
          break;
        case 'decline':
          outcome = await declineClue(env, work, clue.id, text(v.reason));
          break;
        case 'reply':
          outcome = await recordClueReply(env, work, clue.id, {
            on: dayjs.isDayjs(v.on) ? (v.on as Dayjs).format('YYYY-MM-DD') : '',
            summary: text(v.summary),
          });
          break;
      }
      if (!show(outcome) || !outcome.ok) return;
      void message.success(t(`clues:actions.done.${action}`));
      onDone(outcome.clue, 'dossierId' in outcome ? outcome.dossierId : undefined);
    } catch (error) {
      showStoreError(error);
    } finally {
      setBusy(false);
    }
  };

  const f = (key: string) => t(`clues:actions.fields.${key}`);
  const replyLate =
    action === 'reply' && replyOn && clue.referral ? lateDays(clue.referral.replyDue, replyOn.format('YYYY-MM-DD')) : 0;

  return (
    <Modal
      open
      title={t(`clues:actions.${action}`)}
      okText={t('clues:actions.confirm')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={action === 'open' ? 640 : 540}
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="clue-action-form">
        {general.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={general.map((r) => refusalText(t, r)).join(' ')}
            data-testid="clue-action-error"
          />
        )}
        {action === 'open' && (
          <>
            <p className="text-muted">{t('clues:actions.hints.open')}</p>
            <Form.Item name="kind" label={f('kind')} required>
              <Select options={DOSSIER_KINDS.map((k) => ({ value: k, label: t(`dossiers:kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="subjectIds" label={f('subjects')}>
              <RegistrySelect registry="subjects" />
            </Form.Item>
            <Form.Item name="supervisedOrganIds" label={f('organs')}>
              <RegistrySelect registry="organs" />
            </Form.Item>
            <Form.Item
              name="handlerIds"
              label={f('handlers')}
              extra={t('dossiers:form.fields.handlersHelp', { min: settings.minHandlers })}
            >
              <RegistrySelect registry="supervisors" data-testid="open-handlers" />
            </Form.Item>
            <Form.Item name="deadline" label={f('deadline')}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(today), 'day')} />
            </Form.Item>
            <Form.Item name="openNow" label={f('openNow')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {openNow && (
              <Form.Item name="methods" label={f('methods')} required>
                <Checkbox.Group
                  options={INVESTIGATION_METHODS.map((m) => ({ value: m, label: t(`dossiers:methods.${m}`) }))}
                />
              </Form.Item>
            )}
            <Form.Item name="note" label={f('note')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {action === 'refer' && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('clues:actions.hints.refer', { days: settings.referralReplyWorkingDays, due: referralDue })}
            />
            <Form.Item name="to" label={f('to')} required>
              <AutoComplete
                options={options.organs.map((o) => ({ value: o.label }))}
                filterOption={(input, option) => String(option?.value ?? '').includes(input)}
                data-testid="refer-to"
              >
                <Input maxLength={80} />
              </AutoComplete>
            </Form.Item>
            <Form.Item name="reason" label={f('reason')} required>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {action === 'decline' && (
          <Form.Item name="reason" label={f('declineReason')} required>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'reply' && clue.referral && (
          <>
            <p className="text-muted">
              {t('clues:actions.hints.reply', {
                to: clue.referral.to,
                on: clue.referral.on,
                due: clue.referral.replyDue,
              })}
            </p>
            <Form.Item name="on" label={f('replyOn')} required>
              <DatePicker
                disabledDate={(d) => d.isAfter(dayjs(today), 'day') || d.isBefore(dayjs(clue.referral?.on), 'day')}
              />
            </Form.Item>
            {replyLate > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('clues:actions.hints.replyLate', { days: replyLate, due: clue.referral.replyDue })}
                data-testid="reply-late-warning"
              />
            )}
            <Form.Item name="summary" label={f('summary')} required>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
