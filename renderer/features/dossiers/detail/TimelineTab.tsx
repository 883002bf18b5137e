import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Timeline, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/domain/dossier';
import type { ChainVerdict } from '../../../../shared/timeline/chain';
import { ACTION_NAMES } from '../../../../shared/workflow/machine';
import type { DossierRecord } from '../../../db/dossiers/layout';
import { verifyTimeline } from '../../../db/dossiers/store';
import { formatInstant } from '../components/labels';
import { useDossiers } from '../data/use-store';

/** What an event was, in words: the action's name or the record event's. */
export function useEventLabel(): (event: TimelineEvent) => string {
  const { t } = useTranslation('dossiers');
  return (event) =>
    (ACTION_NAMES as readonly string[]).includes(event.type)
      ? t(`actions.${event.type}`)
      : t(`timeline.events.${event.type}`, { defaultValue: event.type });
}

const DETAIL_FIELDS = [
  'to',
  'approver',
  'document',
  'servedOn',
  'documentNumber',
  'measure',
  'outcome',
  'due',
  'decideBy',
  'replyDue',
];

/** 办理记录: the append-only timeline, newest last, with an integrity check of its hash chain. */
export function TimelineTab({ record }: { record: DossierRecord }) {
  const { t } = useTranslation('dossiers');
  const { db } = useDossiers();
  const label = useEventLabel();
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [checking, setChecking] = useState(false);

  const check = async () => {
    setChecking(true);
    try {
      setVerdict(await verifyTimeline(db, record.dossier.id));
    } finally {
      setChecking(false);
    }
  };

  const detailsOf = (event: TimelineEvent): string[] => {
    const lines: string[] = [];
    const data = event.data as Record<string, unknown>;
    if (event.type === 'edited' && Array.isArray(data.fields)) {
      lines.push(
        t('timeline.fieldsChanged', {
          fields: (data.fields as string[])
            .map((f) => t(`detail.fields.${f}`, { defaultValue: f }))
            .join(t('list.separator')),
        }),
      );
    }
    if (Array.isArray(data.methods)) {
      lines.push((data.methods as string[]).map((m) => t(`methods.${m}`)).join(t('list.separator')));
    }
    for (const key of DETAIL_FIELDS) {
      const value = data[key];
      if (typeof value !== 'string' || value === '' || (key === 'to' && event.type !== 'refer')) continue;
      const shown =
        key === 'document'
          ? t(`documents.${value}`)
          : key === 'measure'
            ? t(`measures.${value}`)
            : key === 'outcome'
              ? t(`reviewOutcomes.${value}`)
              : value;
      lines.push(t('timeline.detail', { label: t(`actions.fields.${key}`), value: shown }));
    }
    if (typeof data.finding === 'string') {
      const index = record.findings.findIndex((f) => f.id === data.finding);
      if (index >= 0) lines.push(t('timeline.detail', { label: t('actions.fields.findingId'), value: index + 1 }));
    }
    if (event.type === 'document_issued' && typeof data.number === 'string') {
      lines.push(t('timeline.documentIssued', { number: data.number, title: String(data.title ?? '') }));
    }
    if (event.type === 'evidence_added' && Array.isArray(data.files)) {
      const names = (data.files as { name?: unknown }[]).map((f) => String(f.name ?? ''));
      lines.push(t('timeline.evidenceFiles', { names: names.join(t('list.separator')) }));
    }
    if (event.type === 'evidence_removed' && typeof data.name === 'string') {
      lines.push(t('timeline.evidenceFiles', { names: data.name }));
    }
    if (Array.isArray(data.findings) && event.type === 'receive_report') {
      const numbers = (data.findings as string[])
        .map((id) => record.findings.findIndex((f) => f.id === id) + 1)
        .filter((n) => n > 0);
      lines.push(
        t('timeline.detail', { label: t('actions.fields.findingIds'), value: numbers.join(t('list.separator')) }),
      );
    }
    return lines;
  };

  const broken = verdict && !verdict.ok ? verdict : null;
  const brokenEvent = broken ? record.events[broken.brokenAt - 1] : undefined;

  return (
    <div className="timeline-tab">
      <div className="tab-toolbar">
        <Typography.Text type="secondary">{t('timeline.count', { count: record.events.length })}</Typography.Text>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={checking}
          onClick={() => void check()}
          data-testid="verify-integrity"
        >
          {t(checking ? 'timeline.verifying' : 'timeline.verify')}
        </Button>
      </div>
      {verdict?.ok && (
        <Alert
          type="success"
          showIcon
          message={t('timeline.intact', { count: verdict.count })}
          data-testid="integrity-result"
        />
      )}
      {broken && (
        <Alert
          type="error"
          showIcon
          data-testid="integrity-result"
          message={t('timeline.broken', {
            seq: broken.brokenAt,
            what: brokenEvent ? label(brokenEvent) : '',
            at: brokenEvent ? formatInstant(brokenEvent.at) : '',
            problem: t(`timeline.problems.${broken.problem}`),
          })}
        />
      )}
      {record.events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />
      ) : (
        <Timeline
          className="dossier-timeline"
          items={record.events.map((event) => ({
            key: event.id,
            color: broken?.brokenAt === event.seq ? 'red' : event.from !== event.to ? 'blue' : 'gray',
            children: (
              <div className="timeline-entry" data-testid="timeline-entry">
                <div className="timeline-head">
                  <span className="timeline-seq">#{event.seq}</span>
                  <strong>{label(event)}</strong>
                  {event.from && event.to && event.from !== event.to && (
                    <span className="timeline-transition">
                      {t('timeline.transition', { from: t(`statuses.${event.from}`), to: t(`statuses.${event.to}`) })}
                    </span>
                  )}
                  <span className="timeline-meta">
                    {formatInstant(event.at)} · {event.actor}
                  </span>
                </div>
                {event.reason && <div className="timeline-reason">{event.reason}</div>}
                {detailsOf(event).map((line) => (
                  <div key={line} className="timeline-detail">
                    {line}
                  </div>
                ))}
                <Tooltip title={`${t('timeline.hash')} ${event.hash}`}>
                  <code className="timeline-hash">{event.hash.slice(0, 16)}</code>
                </Tooltip>
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
