import { ArrowLeftOutlined, EyeOutlined, LockOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, List, Result, Space, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { clueDeadline } from '../../../shared/clues/assessment';
import type { Clue, Reporter } from '../../../shared/clues/clue';
import { clueReferralSource } from '../../../shared/clues/handoff';
import { maskReporter } from '../../../shared/clues/reporter';
import { useSession } from '../../app/session';
import { getCards } from '../../db/dossiers/store';
import { getClue, getClues, reporterAccessLog, revealReporter } from '../../db/work/clues';
import type { ClueAccess } from '../../db/work/records';
import { DraftDocumentButton } from '../documents/draft-from-source';
import { formatInstant } from '../dossiers/components/labels';
import { useNames } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import { lateDays, useWorkSettings } from '../followup/use-work';
import { type ClueAction, ClueActionDialog } from './ClueDialogs';
import { CLUE_STATUS_COLORS } from './labels';

/** A clue: what was reported, by whom (protected), its assessment and what followed. */
export function ClueDetail() {
  const { t } = useTranslation(['clues', 'dossiers', 'common']);
  const { id = '' } = useParams();
  const { db, today } = useDossiers();
  const work = useWorkSettings(db);
  const { office } = useSession();
  const navigate = useNavigate();
  const [clue, setClue] = useState<Clue | null | undefined>(undefined);
  const [active, setActive] = useState<ClueAction | null>(null);
  const [dossierNumber, setDossierNumber] = useState<string | null>(null);
  const [similar, setSimilar] = useState<Clue[]>([]);

  useEffect(() => {
    let live = true;
    setClue(undefined);
    void getClue(db, id).then((c) => {
      if (live) setClue(c ?? null);
    });
    return () => {
      live = false;
    };
  }, [db, id]);

  useEffect(() => {
    if (!clue?.dossierId) return;
    void getCards(db, [clue.dossierId]).then(([card]) => setDossierNumber(card?.number ?? null));
  }, [db, clue?.dossierId]);
  useEffect(() => {
    if (!clue?.similarIds.length) return;
    void getClues(db, clue.similarIds).then(setSimilar);
  }, [db, clue?.similarIds]);

  const names = useNames(
    db,
    { subjects: clue?.subjectIds ?? [], organs: clue?.supervisedOrganIds ?? [] },
    office?.name ?? '',
  );

  if (clue === undefined) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (clue === null) {
    return (
      <Result
        status="404"
        subTitle={t('clues:detail.notFound')}
        extra={<Button onClick={() => navigate('/clues')}>{t('clues:detail.back')}</Button>}
      />
    );
  }

  const sep = t('dossiers:list.separator');
  const none = t('dossiers:detail.none');
  const deadline = clueDeadline(clue);
  const late = deadline ? lateDays(deadline.due, today) : 0;
  const a = clue.assessment;
  const r = clue.referral;

  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'source', label: t('clues:columns.source'), children: t(`dossiers:sources.${clue.source}`) },
    { key: 'receivedOn', label: t('clues:columns.receivedOn'), children: clue.receivedOn },
    { key: 'priority', label: t('clues:form.fields.priority'), children: t(`dossiers:priorities.${clue.priority}`) },
    {
      key: 'subjects',
      label: t('clues:form.fields.subjects'),
      children: clue.subjectIds.map(names.subject).join(sep) || none,
      span: 3,
    },
    {
      key: 'organs',
      label: t('clues:form.fields.organs'),
      children: clue.supervisedOrganIds.map(names.organ).join(sep) || none,
      span: 3,
    },
  ];
  if (clue.enterprise) {
    items.push({
      key: 'enterprise',
      label: t('clues:form.fields.enterpriseName'),
      children: `${clue.enterprise.name}${clue.enterprise.creditCode ? ` · ${clue.enterprise.creditCode}` : ''}`,
      span: 3,
    });
  }
  items.push(
    {
      key: 'proposedKind',
      label: t('clues:form.fields.proposedKind'),
      children: t(`dossiers:kinds.${clue.proposedKind}`),
    },
    {
      key: 'assessDue',
      label: t('clues:detail.assessDue'),
      children: (
        <span className={clue.status === 'pending' && late > 0 ? 'text-danger' : undefined} data-testid="assess-due">
          {clue.assessDue}
          {clue.status === 'pending' && late > 0 && (
            <Tag color="red" bordered={false} style={{ marginLeft: 8 }}>
              {t('clues:list.lateDays', { days: late })}
            </Tag>
          )}
        </span>
      ),
    },
    {
      key: 'createdBy',
      label: t('clues:detail.createdBy'),
      children: `${clue.createdBy} · ${formatInstant(clue.createdAt)}`,
    },
    {
      key: 'content',
      label: t('clues:form.fields.content'),
      children: (
        <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 0 }}>
          {clue.content}
        </Typography.Paragraph>
      ),
      span: 3,
    },
  );
  if (clue.origin?.kind === 'inspection_flag') {
    items.push({
      key: 'origin',
      label: t('clues:detail.origin'),
      children: (
        <Link to={`/enterprise?tab=flags&code=${encodeURIComponent(clue.creditCode ?? '')}`}>
          {t('clues:detail.fromFlag', { count: clue.origin.inspectionIds.length })}
        </Link>
      ),
      span: 3,
    });
  }

  const outcome: { key: string; label: string; children: ReactNode }[] = [];
  if (a) {
    outcome.push({
      key: 'assessment',
      label: t('clues:detail.assessment'),
      children: (
        <>
          <Tag color={CLUE_STATUS_COLORS[clue.status]}>{t(`clues:outcomes.${a.outcome}`)}</Tag>
          {t('clues:detail.assessedBy', { on: a.on, by: a.by })}
          {a.note && <div className="pre-wrap">{a.note}</div>}
        </>
      ),
    });
  }
  if (clue.dossierId) {
    outcome.push({
      key: 'dossier',
      label: t('clues:detail.dossier'),
      children: (
        <Link to={`/dossiers/${encodeURIComponent(clue.dossierId)}`} data-testid="clue-dossier-link">
          {dossierNumber ?? t('clues:list.openDossier')}
        </Link>
      ),
    });
  }
  if (r) {
    const awaitingLate = !r.reply && lateDays(r.replyDue, today);
    outcome.push({
      key: 'referral',
      label: t('clues:detail.referral'),
      children: (
        <div data-testid="clue-referral">
          <div>{t('clues:detail.referralText', { to: r.to, on: r.on, due: r.replyDue })}</div>
          {r.reply ? (
            <div>
              {t('clues:detail.replyText', { on: r.reply.on, summary: r.reply.summary })}
              {r.reply.late && (
                <Tag color="red" style={{ marginLeft: 8 }} data-testid="reply-late">
                  {t('clues:detail.replyLate', { days: lateDays(r.replyDue, r.reply.on) })}
                </Tag>
              )}
            </div>
          ) : awaitingLate ? (
            <Tag color="red" data-testid="reply-overdue">
              {t('clues:detail.replyOverdue', { days: awaitingLate })}
            </Tag>
          ) : (
            <Tag color="processing">{t('clues:detail.replyAwaited')}</Tag>
          )}
        </div>
      ),
    });
  }

  const actions: ClueAction[] =
    clue.status === 'pending' ? ['open', 'refer', 'decline'] : clue.status === 'referred' ? ['reply'] : [];

  return (
    <div className="work-page" data-testid="clue-detail">
      <Card className="work-detail-header">
        <div className="work-header-row">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(-1)}
            aria-label={t('clues:detail.back')}
          />
          <div className="grow">
            <div className="work-number" data-testid="clue-number">
              {clue.number}
            </div>
            <h2 data-testid="clue-title">{clue.title}</h2>
            <Space size={6} wrap>
              <Tag color={CLUE_STATUS_COLORS[clue.status]} data-testid="clue-status">
                {t(`clues:statuses.${clue.status}`)}
              </Tag>
              <Tag bordered={false}>{t(`dossiers:sources.${clue.source}`)}</Tag>
              {deadline && (
                <Tag color={late > 0 ? 'red' : 'default'} bordered={false}>
                  {t(`clues:deadlines.${deadline.kind}`)} {deadline.due}
                  {late > 0 && ` · ${t('clues:list.lateDays', { days: late })}`}
                </Tag>
              )}
            </Space>
          </div>
          {(clue.status === 'referred' || clue.status === 'replied') && (
            <DraftDocumentButton source={() => clueReferralSource(clue)} types={['clue_referral']} />
          )}
        </div>
        {actions.length > 0 && work && (
          <div className="work-actions">
            <Space wrap>
              {actions.map((action, i) => (
                <Button
                  key={action}
                  type={i === 0 ? 'primary' : 'default'}
                  onClick={() => setActive(action)}
                  data-testid={`clue-action-${action}`}
                >
                  {t(`clues:actions.${action}`)}
                </Button>
              ))}
            </Space>
          </div>
        )}
      </Card>

      <Card title={t('clues:detail.matter')}>
        <Descriptions bordered size="small" column={3} items={items} />
        {outcome.length > 0 && (
          <Descriptions bordered size="small" column={1} items={outcome} style={{ marginTop: 16 }} />
        )}
      </Card>

      {clue.reporter && <ReporterCard clue={clue} reporter={clue.reporter} />}

      {clue.similarIds.length > 0 && (
        <Card title={t('clues:detail.similar')} size="small">
          <List
            dataSource={similar}
            renderItem={(s) => (
              <List.Item>
                <Space>
                  <Link className="work-number" to={`/clues/${s.id}`}>
                    {s.number}
                  </Link>
                  <span>{s.title}</span>
                  <Tag color={CLUE_STATUS_COLORS[s.status]} bordered={false}>
                    {t(`clues:statuses.${s.status}`)}
                  </Tag>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      {active && work && (
        <ClueActionDialog
          action={active}
          clue={clue}
          work={work}
          onClose={() => setActive(null)}
          onDone={(next, dossierId) => {
            setActive(null);
            setClue(next);
            if (dossierId) navigate(`/dossiers/${encodeURIComponent(dossierId)}`);
          }}
        />
      )}
    </div>
  );
}

/** 举报人信息: masked until someone asks to see it; every look is recorded. */
function ReporterCard({ clue, reporter }: { clue: Clue; reporter: Reporter }) {
  const { t } = useTranslation(['clues', 'common']);
  const { db, env } = useDossiers();
  const { modal } = App.useApp();
  const [shown, setShown] = useState<Reporter | null>(null);
  const [log, setLog] = useState<ClueAccess[]>([]);
  const reload = useCallback(() => void reporterAccessLog(db, clue.id).then(setLog), [db, clue.id]);
  useEffect(reload, [reload]);

  const masked = maskReporter(reporter);
  const view = shown ?? { ...reporter, ...masked };
  const ask = () =>
    modal.confirm({
      title: t('clues:reporter.showTitle'),
      content: t('clues:reporter.showConfirm', { actor: env.actor }),
      okText: t('clues:reporter.show'),
      cancelText: t('common:cancel'),
      onOk: async () => {
        const full = await revealReporter(env, clue.id);
        if (full) setShown(full);
        reload();
      },
    });

  return (
    <Card
      size="small"
      title={
        <Space>
          <LockOutlined />
          {t('clues:reporter.title')}
        </Space>
      }
      extra={
        !reporter.anonymous &&
        (shown ? (
          <Button size="small" onClick={() => setShown(null)}>
            {t('clues:reporter.hide')}
          </Button>
        ) : (
          <Button size="small" icon={<EyeOutlined />} onClick={ask} data-testid="reporter-show">
            {t('clues:reporter.show')}
          </Button>
        ))
      }
      data-testid="reporter-card"
    >
      {reporter.anonymous ? (
        <Typography.Text type="secondary">{t('clues:reporter.anonymousReport')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={3}
          items={[
            {
              key: 'name',
              label: t('clues:reporter.name'),
              children: <span data-testid="reporter-name-value">{view.name || '—'}</span>,
            },
            { key: 'phone', label: t('clues:reporter.phone'), children: view.phone || '—' },
            { key: 'contact', label: t('clues:reporter.contact'), children: view.contact || '—' },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('clues:reporter.protection')}
      </Typography.Paragraph>
      {log.length > 0 ? (
        <div style={{ marginTop: 8 }} data-testid="reporter-log">
          <Typography.Text strong style={{ fontSize: 12 }}>
            {t('clues:reporter.log')}
          </Typography.Text>
          {log.map((entry) => (
            <div key={entry.id} style={{ fontSize: 12 }}>
              {t('clues:reporter.logEntry', { at: formatInstant(entry.at), by: entry.by })}
            </div>
          ))}
        </div>
      ) : (
        !reporter.anonymous && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('clues:reporter.noLog')}
          </Typography.Text>
        )
      )}
    </Card>
  );
}
