import { EditOutlined, PlusOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Finding, isRectificationOverdue, rectificationSettled } from '../../../../shared/domain/dossier';
import { findingCategoryLabel } from '../../../../shared/taxonomy/findings';
import type { ActionName } from '../../../../shared/workflow/machine';
import { useSession } from '../../../app/session';
import type { DossierRecord } from '../../../db/dossiers/layout';
import { RECTIFICATION_COLORS, SEVERITY_COLORS } from '../components/labels';
import { useDossiers } from '../data/use-store';
import { ActionDialog } from './ActionBar';
import { FindingForm } from './FindingForm';

const EDITABLE = new Set([
  'opened',
  'investigating',
  'drafting',
  'approved',
  'served',
  'rectifying',
  'verifying',
  'review_requested',
  'referred',
]);

/** 问题与整改: each finding with its rectification requirement, period, reports and checks. */
export function FindingsTab({ record, onChanged }: { record: DossierRecord; onChanged(next: DossierRecord): void }) {
  const { t } = useTranslation('dossiers');
  const { today } = useDossiers();
  const { locale } = useSession();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [acting, setActing] = useState<{ action: ActionName; findingId: string } | null>(null);
  const readOnly = record.dossier.origin.kind === 'received';
  const editable = !readOnly && EDITABLE.has(record.dossier.status);
  const canCheck = !readOnly && record.dossier.status === 'verifying';
  const open = record.findings.filter((f) => !rectificationSettled(f)).length;
  const overdue = record.findings.filter((f) => isRectificationOverdue(f, today)).length;

  return (
    <div className="findings-tab">
      <div className="tab-toolbar">
        <Typography.Text type="secondary" data-testid="findings-summary">
          {t('findings.summary', { total: record.findings.length, open, overdue })}
        </Typography.Text>
        {editable ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-finding">
            {t('findings.add')}
          </Button>
        ) : (
          !readOnly && <Typography.Text type="secondary">{t('findings.notEditable')}</Typography.Text>
        )}
      </div>
      {record.findings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.empty')} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {record.findings.map((finding, index) => (
            <FindingCard
              key={finding.id}
              index={index}
              finding={finding}
              today={today}
              label={findingCategoryLabel(finding.category, finding.subcategory, locale)}
              onEdit={editable ? () => setEditing(finding.id) : undefined}
              onVerify={
                canCheck && finding.rectificationStatus === 'report_received'
                  ? () => setActing({ action: 'verify_rectification', findingId: finding.id })
                  : undefined
              }
              onReject={
                canCheck && finding.rectificationStatus === 'report_received'
                  ? () => setActing({ action: 'reject_rectification', findingId: finding.id })
                  : undefined
              }
            />
          ))}
        </Space>
      )}
      {editing && (
        <FindingForm
          record={record}
          {...(editing === 'new' ? {} : { findingId: editing })}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            onChanged(next);
          }}
        />
      )}
      {acting && (
        <ActionDialog
          action={acting.action}
          record={record}
          findingId={acting.findingId}
          onClose={() => setActing(null)}
          onDone={(next) => {
            setActing(null);
            onChanged(next);
          }}
        />
      )}
    </div>
  );
}

function FindingCard({
  index,
  finding,
  today,
  label,
  onEdit,
  onVerify,
  onReject,
}: {
  index: number;
  finding: Finding;
  today: string;
  label: string;
  onEdit?: () => void;
  onVerify?: () => void;
  onReject?: () => void;
}) {
  const { t } = useTranslation('dossiers');
  const overdue = isRectificationOverdue(finding, today);
  return (
    <Card
      size="small"
      className={overdue ? 'finding-card finding-overdue' : 'finding-card'}
      data-testid="finding-card"
      title={
        <Space size={8} wrap>
          <span className="finding-index">{index + 1}</span>
          <span>{label}</span>
          <Tag color={SEVERITY_COLORS[finding.severity]} bordered={false}>
            {t(`severities.${finding.severity}`)}
          </Tag>
        </Space>
      }
      extra={
        <Space size={4}>
          <Tag color={RECTIFICATION_COLORS[finding.rectificationStatus]} data-testid="rectification-status">
            {t(`rectification.${finding.rectificationStatus}`)}
          </Tag>
          {onVerify && (
            <Button size="small" type="primary" onClick={onVerify} data-testid="verify-finding">
              {t('actions.verify_rectification')}
            </Button>
          )}
          {onReject && (
            <Button size="small" danger onClick={onReject} data-testid="reject-finding">
              {t('actions.reject_rectification')}
            </Button>
          )}
          {onEdit && (
            <Button size="small" type="text" icon={<EditOutlined />} onClick={onEdit} aria-label={t('findings.edit')} />
          )}
        </Space>
      }
    >
      <p className="finding-description">{finding.description}</p>
      <dl className="finding-facts">
        {finding.ruleBreached && (
          <>
            <dt>{t('findings.ruleBreached')}</dt>
            <dd>{finding.ruleBreached}</dd>
          </>
        )}
        {finding.rectificationStatus !== 'not_required' && finding.rectificationRequirement && (
          <>
            <dt>{t('findings.rectificationRequirement')}</dt>
            <dd>{finding.rectificationRequirement}</dd>
          </>
        )}
        {finding.deadline && finding.rectificationStatus !== 'not_required' && (
          <>
            <dt>{t('findings.deadline')}</dt>
            <dd className={overdue ? 'text-danger' : undefined}>
              {overdue && <WarningFilled />} {finding.deadline.days}
              {t(`units.${finding.deadline.unit}`)} ·{' '}
              {t(overdue ? 'findings.dueOverdue' : 'findings.due', { due: finding.deadline.due })}
            </dd>
          </>
        )}
        {finding.report && (
          <>
            <dt>{t('findings.status')}</dt>
            <dd>{t('findings.report', { on: finding.report.receivedOn, summary: finding.report.summary })}</dd>
          </>
        )}
        {finding.lastRejection && (
          <>
            <dt />
            <dd className="text-warning">
              {t('findings.rejection', {
                count: finding.rejectionCount,
                on: finding.lastRejection.on,
                reason: finding.lastRejection.reason,
              })}
            </dd>
          </>
        )}
        {finding.verification && (
          <>
            <dt />
            <dd className="text-success">
              {t('findings.verification', {
                by: finding.verification.by,
                on: finding.verification.on,
                note: finding.verification.note || '—',
              })}
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}
