import { Descriptions, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pendingDeadlines } from '../../../../shared/workflow/deadlines';
import { useSession } from '../../../app/session';
import type { DossierRecord } from '../../../db/dossiers/layout';
import { getCards } from '../../../db/dossiers/store';
import { useNames } from '../data/names';
import { useDossiers } from '../data/use-store';

/** 概况: the dossier's own fields and what each workflow step established. */
export function Overview({ record }: { record: DossierRecord }) {
  const { t } = useTranslation('dossiers');
  const { db, today } = useDossiers();
  const { office } = useSession();
  const d = record.dossier;
  const w = d.workflow;
  const names = useNames(
    db,
    { subjects: d.subjectIds, organs: [...d.supervisedOrganIds, d.owningOrganId], supervisors: d.handlerIds },
    office?.name ?? '',
  );
  // A received dossier names what the sender's registry holds and this one may not.
  const sent = d.origin.kind === 'received' ? d.origin.senderNames : undefined;
  const subjectName = (id: string) => sent?.subjects[id] ?? names.subject(id);
  const organName = (id: string) => sent?.organs[id] ?? names.organ(id);
  const supervisorName = (id: string) => sent?.supervisors[id] ?? names.supervisor(id);
  const sep = t('list.separator');
  const none = t('detail.none');
  // One line per kind of deadline and date: four findings due the same day are one line.
  const pending = pendingDeadlines(d, record.findings).filter(
    (p, i, all) => all.findIndex((q) => q.kind === p.kind && q.due === p.due) === i,
  );
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'kind', label: t('detail.fields.kind'), children: t(`kinds.${d.kind}`) },
    { key: 'source', label: t('detail.fields.source'), children: t(`sources.${d.source}`) },
    { key: 'priority', label: t('detail.fields.priority'), children: t(`priorities.${d.priority}`) },
    {
      key: 'subjects',
      label: t('detail.fields.subjects'),
      children: d.subjectIds.map(subjectName).join(sep) || none,
      span: 3,
    },
    {
      key: 'organs',
      label: t('detail.fields.organs'),
      children: d.supervisedOrganIds.map(organName).join(sep) || none,
      span: 3,
    },
    {
      key: 'handlers',
      label: t('detail.fields.handlers'),
      children: d.handlerIds.map(supervisorName).join(sep) || none,
    },
    {
      key: 'owner',
      label: t('detail.fields.owner'),
      children: d.origin.kind === 'received' ? d.origin.senderOrganName : names.organ(d.owningOrganId),
    },
    {
      key: 'confidentiality',
      label: t('detail.fields.confidentiality'),
      children: t(`markings.${d.confidentiality}`),
    },
    { key: 'registeredOn', label: t('detail.fields.registeredOn'), children: d.registeredOn },
    { key: 'openedOn', label: t('detail.fields.openedOn'), children: d.openedOn ?? none },
    { key: 'closedOn', label: t('detail.fields.closedOn'), children: d.closedOn ?? none },
    { key: 'deadline', label: t('detail.fields.deadline'), children: d.deadline ?? none },
    {
      key: 'pending',
      label: t('detail.fields.pending'),
      children:
        pending.length === 0
          ? none
          : pending.map((p) => (
              <div key={`${p.kind}${p.due}`} className={p.due < today ? 'text-danger' : undefined}>
                {t('detail.dueSoon', { kind: t(`detail.pending.${p.kind}`), due: p.due })}
                {p.due < today && (
                  <Tag color="red" bordered={false} style={{ marginLeft: 8 }}>
                    {t('detail.overdue')}
                  </Tag>
                )}
              </div>
            )),
    },
    {
      key: 'methods',
      label: t('detail.fields.methods'),
      children: d.methods.map((m) => t(`methods.${m}`)).join(sep) || none,
    },
    {
      key: 'summary',
      label: t('detail.fields.summary'),
      children: (
        <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 0 }}>
          {d.summary || none}
        </Typography.Paragraph>
      ),
      span: 3,
    },
    { key: 'legalBasis', label: t('detail.fields.legalBasis'), children: d.legalBasis || none, span: 3 },
  ];
  // A clue (links.clueId) is not a dossier: its panel below the overview shows it.
  const linkIds = [d.links.parentId, d.links.referralId].filter((x): x is string => !!x);
  if (linkIds.length > 0) {
    items.push({
      key: 'links',
      label: t('detail.fields.links'),
      children: <DossierLinks links={d.links} />,
      span: 3,
    });
  }
  if (d.tags.length > 0) {
    items.push({
      key: 'tags',
      label: t('detail.fields.tags'),
      children: d.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
      span: 3,
    });
  }
  const flow: { key: string; label: string; children: ReactNode }[] = [];
  if (w.notOpenedReason)
    flow.push({ key: 'no', label: t('detail.fields.notOpenedReason'), children: w.notOpenedReason });
  if (w.handling) {
    flow.push({
      key: 'handling',
      label: t('detail.fields.handling'),
      children: t('detail.handlingText', {
        document: t(`documents.${w.handling.document}`),
        on: w.handling.draftedOn,
        summary: w.handling.summary,
      }),
    });
  }
  if (w.approval) {
    flow.push({ key: 'approval', label: t('detail.fields.approval'), children: t('detail.approvalText', w.approval) });
  }
  if (w.service) {
    flow.push({
      key: 'service',
      label: t('detail.fields.service'),
      children:
        t('detail.serviceText', { document: t(`documents.${w.service.document}`), on: w.service.servedOn }) +
        (w.service.documentNumber ? ` · ${w.service.documentNumber}` : ''),
    });
  }
  if (w.referral) {
    flow.push({
      key: 'referral',
      label: t('detail.fields.referralInfo'),
      children: (
        <>
          <div>{t('detail.referralText', { to: w.referral.to, on: w.referral.on, due: w.referral.replyDue })}</div>
          {w.referral.reply && <div>{t('detail.referralReply', w.referral.reply)}</div>}
        </>
      ),
    });
  }
  if (w.review) {
    flow.push({
      key: 'review',
      label: t('detail.fields.review'),
      children: (
        <>
          <div>{t('detail.reviewText', { on: w.review.requestedOn, due: w.review.decideBy })}</div>
          {w.review.outcome && (
            <div>
              {t('detail.reviewDecided', { outcome: t(`reviewOutcomes.${w.review.outcome}`), on: w.review.decidedOn })}
            </div>
          )}
        </>
      ),
    });
  }
  if (w.escalations.length > 0) {
    flow.push({
      key: 'escalations',
      label: t('detail.fields.escalations'),
      children: w.escalations.map((e) => (
        <div key={`${e.measure}${e.on}${e.note}`}>
          {e.on} {t(`measures.${e.measure}`)} — {e.note}
        </div>
      )),
    });
  }
  if (w.conclusion) flow.push({ key: 'conclusion', label: t('detail.fields.conclusion'), children: w.conclusion });

  return (
    <div className="overview">
      <Descriptions bordered size="small" column={3} items={items} />
      {flow.length > 0 && <Descriptions bordered size="small" column={1} items={flow} style={{ marginTop: 16 }} />}
    </div>
  );
}

/** The campaign, clue and referral a dossier is linked to, by number, as links. */
function DossierLinks({ links }: { links: DossierRecord['dossier']['links'] }) {
  const { t } = useTranslation('dossiers');
  const { db } = useDossiers();
  const [cards, setCards] = useState<Map<string, { number: string; title: string }>>(new Map());
  const entries = (
    [
      ['parent', links.parentId],
      ['referral', links.referralId],
    ] as const
  ).filter((e): e is ['parent' | 'referral', string] => !!e[1]);
  const key = entries.map((e) => e[1]).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the linked ids
  useEffect(() => {
    void getCards(
      db,
      entries.map((e) => e[1]),
    ).then((found) => setCards(new Map(found.map((c) => [c.id, { number: c.number, title: c.title }]))));
  }, [db, key]);
  return (
    <>
      {entries.map(([kind, id]) => {
        const card = cards.get(id);
        return (
          <div key={kind}>
            {t('timeline.detail', { label: t(`detail.fields.${kind}`), value: '' })}
            {card ? <Link to={`/dossiers/${encodeURIComponent(id)}`}>{`${card.number} ${card.title}`}</Link> : id}
          </div>
        );
      })}
    </>
  );
}
