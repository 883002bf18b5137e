import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, DatePicker, Descriptions, Form, Input, Modal, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  judgeReviewRequest,
  type ReviewRequest,
  reviewDecisionSource,
  reviewRequestDraftSchema,
} from '../../../shared/review-requests/review-request';
import type { Refusal } from '../../../shared/workflow/machine';
import { useSession } from '../../app/session';
import { toFieldErrors } from '../../components/field-errors';
import { registerReviewRequest, reviewRequestsOf } from '../../db/work/review-requests';
import { DraftDocumentButton } from '../documents/draft-from-source';
import { useNames, useRegistryOptions } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import type { DossierPanelProps } from '../dossiers/detail/extra-panels';
import { useStoreError } from '../dossiers/detail/use-store-error';
import { lateDays, refusalText, useWorkSettings } from '../followup/use-work';
import { ReviewStatusTag } from './ReviewStatusTag';
// Dossier panels load without the work pages: they bring the styles they use.
import '../followup/work.css';

/**
 * 复查: the window for requesting review of the served document, the requests received
 * (inside or outside it), the review under way and its outcome on this dossier.
 */
export default function ReviewRequestsPanel({ record, onChanged, readOnly }: DossierPanelProps) {
  const { t } = useTranslation(['coordination', 'dossiers']);
  const { db, calendar, settings, today } = useDossiers();
  const d = record.dossier;
  const service = d.workflow.service;
  const review = d.workflow.review;
  const [requests, setRequests] = useState<ReviewRequest[]>([]);
  const [open, setOpen] = useState(false);
  const reload = useCallback(() => void reviewRequestsOf(db, d.id).then(setRequests), [db, d.id]);
  useEffect(reload, [reload]);

  const until = service ? calendar.addWorkingDays(service.servedOn, settings.reviewWindowWorkingDays) : null;
  const latest = requests.find((r) => r.status === 'accepted');

  return (
    <div className="work-page" data-testid="review-panel">
      {service && until && (
        <Alert
          type={today <= until ? 'info' : 'warning'}
          showIcon
          title={t('coordination:review.window', {
            document: t(`dossiers:documents.${service.document}`),
            servedOn: service.servedOn,
            days: settings.reviewWindowWorkingDays,
            until,
          })}
          description={
            today <= until
              ? t('coordination:review.windowOpen', { days: calendar.workingDaysBetween(today, until) })
              : t('coordination:review.windowClosed')
          }
          action={
            !readOnly && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setOpen(true)}
                data-testid="review-register"
              >
                {t('coordination:review.register')}
              </Button>
            )
          }
        />
      )}
      {review && (
        <Descriptions
          bordered
          size="small"
          column={2}
          title={t('coordination:review.current')}
          extra={
            <DraftDocumentButton
              source={() =>
                reviewDecisionSource(d, { requester: latest?.requester ?? '', reason: latest?.reason ?? review.reason })
              }
              types={['review_decision']}
            />
          }
          items={[
            { key: 'requestedOn', label: t('coordination:review.columns.receivedOn'), children: review.requestedOn },
            {
              key: 'decideBy',
              label: t('coordination:review.columns.decideBy'),
              children: (
                <span className={!review.outcome && review.decideBy < today ? 'text-danger' : undefined}>
                  {review.decideBy}
                  {!review.outcome && review.decideBy < today && (
                    <Tag color="red" bordered={false} style={{ marginLeft: 8 }}>
                      {t('coordination:review.decisionOverdue', { days: lateDays(review.decideBy, today) })}
                    </Tag>
                  )}
                </span>
              ),
            },
            { key: 'reason', label: t('coordination:review.columns.reason'), children: review.reason, span: 2 },
            {
              key: 'outcome',
              label: t('coordination:review.outcome'),
              span: 2,
              children: review.outcome ? (
                <span data-testid="review-outcome">
                  <Tag color="blue" style={{ marginInlineEnd: 8 }}>
                    {t(`dossiers:reviewOutcomes.${review.outcome}`)}
                  </Tag>
                  {review.decidedOn}
                </span>
              ) : (
                <span className="text-muted">{t('coordination:review.awaitingDecision')}</span>
              ),
            },
          ]}
        />
      )}
      <Table<ReviewRequest>
        className="work-table"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={requests}
        locale={{ emptyText: t('coordination:review.none') }}
        onRow={() => ({ 'data-testid': 'review-request-row' }) as never}
        columns={[
          {
            key: 'receivedOn',
            title: t('coordination:review.columns.receivedOn'),
            dataIndex: 'receivedOn',
            width: 110,
          },
          { key: 'requester', title: t('coordination:review.columns.requester'), dataIndex: 'requester', width: 200 },
          { key: 'reason', title: t('coordination:review.columns.reason'), dataIndex: 'reason', ellipsis: true },
          { key: 'until', title: t('coordination:review.columns.windowUntil'), dataIndex: 'windowUntil', width: 110 },
          {
            key: 'status',
            title: t('coordination:review.columns.status'),
            width: 120,
            render: (_, r) => <ReviewStatusTag request={r} />,
          },
        ]}
      />
      {open && (
        <RequestDialog
          record={record}
          onClose={() => setOpen(false)}
          onDone={(next) => {
            setOpen(false);
            reload();
            if (next) onChanged(next);
          }}
        />
      )}
    </div>
  );
}

function RequestDialog({
  record,
  onClose,
  onDone,
}: {
  record: DossierPanelProps['record'];
  onClose(): void;
  onDone(next?: DossierPanelProps['record']): void;
}) {
  const { t } = useTranslation(['coordination', 'dossiers', 'errors', 'common']);
  const { db, env, calendar, settings, today } = useDossiers();
  const { office } = useSession();
  const work = useWorkSettings(db);
  const { message } = App.useApp();
  const showStoreError = useStoreError();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<Refusal[]>([]);
  const options = useRegistryOptions(db);
  const d = record.dossier;
  const servedOn = d.workflow.service?.servedOn ?? today;
  const names = useNames(db, { organs: d.supervisedOrganIds, subjects: d.subjectIds }, office?.name ?? '');
  const receivedOn = Form.useWatch('receivedOn', form) as Dayjs | undefined;
  const judged = useMemo(
    () => (receivedOn ? judgeReviewRequest(servedOn, receivedOn.format('YYYY-MM-DD'), calendar, settings) : null),
    [receivedOn, servedOn, calendar, settings],
  );
  const policy = work?.lateReviewPolicy ?? 'refuse';
  const defaultRequester =
    names.organ(d.supervisedOrganIds[0] ?? '') !== '…' && d.supervisedOrganIds[0]
      ? names.organ(d.supervisedOrganIds[0])
      : d.subjectIds[0]
        ? names.subject(d.subjectIds[0])
        : '';

  const submit = async () => {
    const v = form.getFieldsValue(true);
    const parsed = reviewRequestDraftSchema.safeParse({
      requester: (v.requester ?? '').trim(),
      receivedOn: dayjs.isDayjs(v.receivedOn) ? v.receivedOn.format('YYYY-MM-DD') : '',
      reason: (v.reason ?? '').trim(),
    });
    form.setFields(['requester', 'receivedOn', 'reason'].map((name) => ({ name, errors: [] })));
    setGeneral([]);
    if (!parsed.success) {
      form.setFields(toFieldErrors(parsed.error.issues, t).map((e) => ({ name: e.name as never, errors: e.errors })));
      return;
    }
    setBusy(true);
    try {
      const outcome = await registerReviewRequest(env, d.id, parsed.data, policy);
      if (!outcome.ok) {
        setGeneral(outcome.refusals);
        return;
      }
      void message[outcome.request.status === 'refused' ? 'warning' : 'success'](
        t(
          `coordination:review.done.${outcome.request.status === 'refused' ? 'refused' : outcome.request.late ? 'acceptedLate' : 'accepted'}`,
        ),
      );
      onDone(outcome.record);
    } catch (error) {
      showStoreError(error);
    } finally {
      setBusy(false);
    }
  };

  const okText = !judged
    ? t('coordination:review.confirm')
    : judged.inside
      ? t('coordination:review.accept')
      : policy === 'refuse'
        ? t('coordination:review.refuse')
        : t('coordination:review.acceptLate');

  return (
    <Modal
      open
      title={t('coordination:review.register')}
      okText={okText}
      okButtonProps={{ danger: !!judged && !judged.inside && policy === 'refuse' }}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ requester: defaultRequester, receivedOn: dayjs(today), reason: '' }}
        data-testid="review-form"
      >
        {general.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={general.map((r) => refusalText(t, r)).join(' ')}
            data-testid="review-error"
          />
        )}
        <Form.Item name="requester" label={t('coordination:review.columns.requester')} required>
          <AutoComplete
            options={options.organs.map((o) => ({ value: o.label }))}
            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
          >
            <Input maxLength={80} />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="receivedOn" label={t('coordination:review.columns.receivedOn')} required>
          <DatePicker
            disabledDate={(x) => x.isAfter(dayjs(today), 'day') || x.isBefore(dayjs(servedOn), 'day')}
            data-testid="review-received-on"
          />
        </Form.Item>
        {judged && (
          <Alert
            style={{ marginBottom: 16 }}
            type={judged.inside ? 'success' : policy === 'refuse' ? 'error' : 'warning'}
            showIcon
            data-testid="review-judgement"
            title={
              judged.inside
                ? t('coordination:review.inside', { until: judged.until })
                : t('coordination:review.outside', { until: judged.until, days: judged.workingDaysLate })
            }
            description={
              judged.inside
                ? t('coordination:review.insideMore', {
                    decideBy: judged.decideBy,
                    days: settings.reviewDecisionWorkingDays,
                  })
                : policy === 'refuse'
                  ? t('coordination:review.outsideRefuse')
                  : t('coordination:review.outsideAccept', { decideBy: judged.decideBy })
            }
          />
        )}
        <Form.Item name="reason" label={t('coordination:review.columns.reason')} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
