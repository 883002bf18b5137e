import { Alert, App, Button, Card, Checkbox, Input, InputNumber, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Locale } from '../../../shared/domain/locale';
import { RUBRIC_SECTIONS } from '../../../shared/review/rubric';
import { emptyMarks, type FileMarks, type ItemMark, scoreMarks } from '../../../shared/review/session';
import { useSession as useAppSession } from '../../app/session';
import { db } from '../../db/database';
import { getSession, scoreCaseFile } from '../../db/review/store';
import { clerkName } from '../dossiers/data/env';
import { useNames } from '../dossiers/data/names';
import { GradeTag } from './GradeTag';

type Loaded = NonNullable<Awaited<ReturnType<typeof getSession>>>;

const NO_MARK: ItemMark = { picks: [], custom: 0, note: '' };

/** 评分表: one case file scored item by item, totals and grade recomputed as the reviewer marks. */
export function ScoreSheet() {
  const { t, i18n } = useTranslation('results');
  const { message } = App.useApp();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const lang = locale === 'en' ? 'en' : 'zh';
  const { id = '', fileId = '' } = useParams();
  const navigate = useNavigate();
  const { office } = useAppSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [marks, setMarks] = useState<FileMarks>(emptyMarks());
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void getSession(db(), id).then((l) => {
      if (!live || !l) return;
      setLoaded(l);
      const file = l.files.find((f) => f.id === fileId);
      if (file) setMarks(structuredClone(file.marks));
    });
    return () => {
      live = false;
    };
  }, [id, fileId]);

  const file = loaded?.files.find((f) => f.id === fileId);
  const names = useNames(db(), { subjects: file ? [file.subjectId] : [] }, office?.name ?? '');
  const rubric = loaded?.session.rubric;
  const score = useMemo(() => (rubric ? scoreMarks(rubric, marks) : null), [rubric, marks]);

  if (!loaded || !rubric || !file || !score) return <Spin style={{ display: 'block', margin: '64px auto' }} />;

  const setItem = (key: string, patch: Partial<ItemMark>) =>
    setMarks((m) => ({ ...m, items: { ...m.items, [key]: { ...(m.items[key] ?? NO_MARK), ...patch } } }));
  const toggleVeto = (key: string, on: boolean) =>
    setMarks((m) => ({ ...m, vetoes: on ? [...m.vetoes, key] : m.vetoes.filter((v) => v !== key) }));

  const save = async () => {
    setSaving(true);
    try {
      await scoreCaseFile(db(), file.id, marks, clerkName() || '');
      void message.success(t('review.saved'));
      navigate(`/reviews/${id}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="score-sheet" data-testid="score-sheet">
      <div className="review-head">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {file.caseName}
          </Typography.Title>
          <Typography.Text type="secondary">
            {file.caseNumber} · {names.subject(file.subjectId)} · {rubric.name[lang]}
          </Typography.Text>
        </div>
        <Space>
          <Button onClick={() => navigate(`/reviews/${id}`)}>{t('review.back')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="score-save">
            {t('review.save')}
          </Button>
        </Space>
      </div>

      <Card size="small" className="score-summary" data-testid="score-summary">
        <Space size={24} wrap>
          <span>
            {t('review.formShort')} <b data-testid="score-form">{score.form}</b> / {rubric.sectionPoints.form}
          </span>
          <span>
            {t('review.contentShort')} <b data-testid="score-content">{score.content}</b> /{' '}
            {rubric.sectionPoints.content}
          </span>
          <span>
            {t('review.total')}{' '}
            <b className="score-total" data-testid="score-total">
              {score.total}
            </b>
          </span>
          <span data-testid="score-grade">
            <GradeTag grade={score.grade} />
          </span>
        </Space>
        {score.vetoed && <Alert type="error" showIcon title={t('review.vetoed')} style={{ marginTop: 8 }} />}
      </Card>

      <Card size="small" title={t('review.vetoes')} data-testid="veto-card">
        {rubric.vetoItems.map((veto) => {
          const on = marks.vetoes.includes(veto.key);
          return (
            <div key={veto.key} className="veto-row">
              <Checkbox
                checked={on}
                onChange={(e) => toggleVeto(veto.key, e.target.checked)}
                data-testid={`veto-${veto.key}`}
              >
                {veto.label[lang]}
              </Checkbox>
              {on && (
                <Input
                  size="small"
                  placeholder={t('review.vetoNote')}
                  value={marks.vetoNotes[veto.key] ?? ''}
                  onChange={(e) =>
                    setMarks((m) => ({ ...m, vetoNotes: { ...m.vetoNotes, [veto.key]: e.target.value } }))
                  }
                  style={{ maxWidth: 420 }}
                />
              )}
            </div>
          );
        })}
      </Card>

      {RUBRIC_SECTIONS.map((section) => (
        <Card
          key={section}
          size="small"
          title={t(`review.${section}`, { points: rubric.sectionPoints[section] })}
          data-testid={`section-${section}`}
        >
          <table className="score-table">
            <thead>
              <tr>
                <th>{t('review.item')}</th>
                <th className="num">{t('review.points')}</th>
                <th>{t('review.deductions')}</th>
                <th className="num">{t('review.earned')}</th>
              </tr>
            </thead>
            <tbody>
              {rubric.items
                .filter((item) => item.section === section)
                .map((item) => {
                  const mark = marks.items[item.key] ?? NO_MARK;
                  return (
                    <tr key={item.key} data-testid={`item-${item.key}`}>
                      <td className="item-label">{item.label[lang]}</td>
                      <td className="num">{item.points}</td>
                      <td>
                        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                          {item.deductions.map((d) => (
                            <Checkbox
                              key={d.key}
                              checked={mark.picks.includes(d.key)}
                              onChange={(e) =>
                                setItem(item.key, {
                                  picks: e.target.checked
                                    ? [...mark.picks, d.key]
                                    : mark.picks.filter((p) => p !== d.key),
                                })
                              }
                              data-testid={`deduct-${item.key}-${d.key}`}
                            >
                              {d.label[lang]} <Tag bordered={false}>−{d.points}</Tag>
                            </Checkbox>
                          ))}
                          <Space wrap>
                            <span>{t('review.custom')}</span>
                            <InputNumber
                              size="small"
                              min={0}
                              max={100}
                              step={1}
                              value={mark.custom || null}
                              onChange={(v) => setItem(item.key, { custom: typeof v === 'number' ? v : 0 })}
                              aria-label={`${item.label[lang]} ${t('review.custom')}`}
                              data-testid={`custom-${item.key}`}
                            />
                            <Input
                              size="small"
                              placeholder={t('review.note')}
                              value={mark.note}
                              onChange={(e) => setItem(item.key, { note: e.target.value })}
                              style={{ width: 280 }}
                              data-testid={`note-${item.key}`}
                            />
                          </Space>
                        </Space>
                      </td>
                      <td className="num" data-testid={`earned-${item.key}`}>
                        {score.items[item.key]}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </Card>
      ))}

      <Card size="small" title={t('review.fileNote')}>
        <Input.TextArea
          rows={3}
          value={marks.note}
          onChange={(e) => setMarks((m) => ({ ...m, note: e.target.value }))}
          data-testid="file-note"
        />
      </Card>
    </div>
  );
}
