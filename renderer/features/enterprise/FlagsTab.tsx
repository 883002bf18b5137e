import { AlertOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Clue } from '../../../shared/clues/clue';
import { clueDraftSchema } from '../../../shared/clues/clue';
import { clueDraftFromFlag, flagKey } from '../../../shared/enterprise/flag-clue';
import type { InspectionFlag } from '../../../shared/enterprise/inspections';
import { useSession } from '../../app/session';
import { cluesFromFlags, registerClue } from '../../db/work/clues';
import { currentFlags } from '../../db/work/inspections';
import type { StoredInspection } from '../../db/work/records';
import { useNames } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import { useStoreError } from '../dossiers/detail/use-store-error';
import { useWorkSettings } from '../followup/use-work';

const KIND_COLORS = { over_frequent: 'red', not_joint: 'orange', arbitrary: 'volcano' } as const;

/** 预警: repeat, over-frequent and non-joint inspections and the "four arbitraries", each one action from a clue. */
export function FlagsTab() {
  const { t } = useTranslation(['enterprise', 'common']);
  const { db, env, today } = useDossiers();
  const work = useWorkSettings(db);
  const { office } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const { message } = App.useApp();
  const showStoreError = useStoreError();
  const [data, setData] = useState<{ flags: InspectionFlag[]; inspections: StoredInspection[] } | null>(null);
  const [clues, setClues] = useState<Map<string, Clue>>(new Map());
  const [busy, setBusy] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!work) return;
    const found = await currentFlags(db, work.inspectionRules, today);
    setData(found);
    setClues(
      await cluesFromFlags(
        db,
        found.flags.map((f) => f.creditCode),
      ),
    );
  }, [db, today, work]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const byId = useMemo(() => new Map(data?.inspections.map((i) => [i.id, i]) ?? []), [data]);
  const names = useNames(
    db,
    { subjects: [...new Set(data?.inspections.map((i) => i.subjectId) ?? [])] },
    office?.name ?? '',
  );
  const flags = (data?.flags ?? []).filter((f) => !code || f.creditCode === code);

  const makeClue = async (flag: InspectionFlag) => {
    if (!work || !data) return;
    const key = flagKey(flag);
    setBusy(key);
    try {
      const subjectIds = [...new Set(flag.inspectionIds.map((id) => byId.get(id)?.subjectId ?? ''))].filter(Boolean);
      const subjects = await db.subjects.bulkGet(subjectIds);
      const subjectNames = new Map(subjects.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
      const draft = clueDraftSchema.parse(clueDraftFromFlag(flag, data.inspections, subjectNames, today));
      const clue = await registerClue(env, work, draft);
      void message.success(t('enterprise:flags.clueCreated', { number: clue.number }));
      navigate(`/clues/${clue.id}`);
    } catch (error) {
      showStoreError(error);
    } finally {
      setBusy(null);
    }
  };

  const describeFlag = (f: InspectionFlag) => {
    switch (f.kind) {
      case 'over_frequent':
        return t('enterprise:flags.text.over_frequent', {
          field: t(`common:fields.${f.field}`),
          count: f.count,
          from: f.from,
          to: f.to,
        });
      case 'not_joint':
        return t('enterprise:flags.text.not_joint', {
          fields: f.fields.map((x) => t(`common:fields.${x}`)).join(t('enterprise:separator')),
          from: f.from,
          to: f.to,
        });
      case 'arbitrary':
        return t('enterprise:flags.text.arbitrary', {
          category: t(`enterprise:arbitraries.${f.category}`),
          count: f.inspectionIds.length,
        });
    }
  };

  return (
    <div className="work-page" data-testid="flags-tab">
      {work && (
        <Alert
          type="info"
          showIcon
          icon={<AlertOutlined />}
          title={t('enterprise:flags.rules', {
            max: work.inspectionRules.maxInspections,
            window: work.inspectionRules.windowDays,
            joint: work.inspectionRules.jointWindowDays,
          })}
          action={
            <Link to="/settings">
              <Button size="small" icon={<SettingOutlined />}>
                {t('enterprise:flags.changeRules')}
              </Button>
            </Link>
          }
        />
      )}
      {code && (
        <Alert
          type="warning"
          title={t('enterprise:flags.filtered', { code })}
          action={
            <Button size="small" onClick={() => navigate('/enterprise?tab=flags', { replace: true })}>
              {t('enterprise:flags.showAll')}
            </Button>
          }
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<InspectionFlag>
          className="work-table"
          rowKey={flagKey}
          loading={!data}
          dataSource={flags}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('enterprise:flags.empty') }}
          onRow={() => ({ 'data-testid': 'flag-row' }) as never}
          expandable={{
            expandedRowRender: (f) => (
              <Table<StoredInspection>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={f.inspectionIds.map((id) => byId.get(id)).filter((i): i is StoredInspection => !!i)}
                columns={[
                  { key: 'date', title: t('enterprise:columns.date'), dataIndex: 'date', width: 110 },
                  {
                    key: 'subject',
                    title: t('enterprise:columns.subject'),
                    render: (_, i) => names.subject(i.subjectId),
                  },
                  { key: 'purpose', title: t('enterprise:columns.purpose'), dataIndex: 'purpose' },
                  {
                    key: 'joint',
                    title: t('enterprise:columns.joint'),
                    width: 90,
                    render: (_, i) => (i.joint ? t('enterprise:joint.yes') : t('enterprise:joint.no')),
                  },
                ]}
              />
            ),
          }}
          columns={[
            {
              key: 'kind',
              title: t('enterprise:flags.columns.kind'),
              width: 130,
              render: (_, f) => <Tag color={KIND_COLORS[f.kind]}>{t(`enterprise:flags.kinds.${f.kind}`)}</Tag>,
            },
            {
              key: 'enterprise',
              title: t('enterprise:columns.enterprise'),
              width: 260,
              render: (_, f) => (
                <>
                  {f.enterpriseName}
                  <span className="sub work-number">{f.creditCode}</span>
                </>
              ),
            },
            { key: 'what', title: t('enterprise:flags.columns.what'), render: (_, f) => describeFlag(f) },
            {
              key: 'action',
              title: t('enterprise:flags.columns.clue'),
              width: 170,
              render: (_, f) => {
                const clue = clues.get(flagKey(f));
                if (clue) {
                  return (
                    <Link className="work-number" to={`/clues/${clue.id}`} data-testid="flag-clue-link">
                      {clue.number}
                    </Link>
                  );
                }
                return (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    loading={busy === flagKey(f)}
                    onClick={() => void makeClue(f)}
                    data-testid="flag-make-clue"
                  >
                    {t('enterprise:flags.makeClue')}
                  </Button>
                );
              },
            },
          ]}
        />
      </Card>
    </div>
  );
}
