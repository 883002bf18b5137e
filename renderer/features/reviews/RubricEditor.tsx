import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RUBRIC_SECTIONS, type Rubric, rubricSchema } from '../../../shared/review/rubric';
import { db, type StoredRubric } from '../../db/database';
import { saveRubric } from '../../db/review/store';

type Label = { zh: string; en: string };

const keyFrom = (prefix: string) => `${prefix}_${Date.now().toString(36)}`;

/**
 * 评查标准: the template's veto items, items and their typical deductions, and the grade
 * bands, all editable. Saving checks that each section's items add up to its points.
 */
export function RubricEditor(props: { rubrics: StoredRubric[]; onSaved: () => void }) {
  const { t, i18n } = useTranslation('results');
  const { message } = App.useApp();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [selected, setSelected] = useState<string | undefined>(props.rubrics[0]?.id);
  const [draft, setDraft] = useState<Rubric | null>(null);

  useEffect(() => {
    const found = props.rubrics.find((r) => r.id === selected) ?? props.rubrics[0];
    if (!found) return;
    const { updatedAt: _, ...rubric } = found;
    setDraft(structuredClone(rubric));
  }, [props.rubrics, selected]);

  const problems = useMemo(() => {
    if (!draft) return [];
    const parsed = rubricSchema.safeParse(draft);
    if (parsed.success) return [];
    return parsed.error.issues.map((issue) => {
      if (issue.message === 'rubric.sectionSum') {
        const section = (issue as { params?: { section: 'form' | 'content'; sum: number } }).params?.section ?? 'form';
        const sum = draft.items.filter((i) => i.section === section).reduce((a, i) => a + i.points, 0);
        return t('review.sectionSum', {
          section: t(section === 'form' ? 'review.sectionForm' : 'review.sectionContent'),
          points: draft.sectionPoints[section],
          sum,
        });
      }
      if (issue.message === 'rubric.bandsOrder') return t('review.bandsOrder');
      return `${issue.path.join('.')}: ${issue.message}`;
    });
  }, [draft, t]);

  if (!draft) return null;

  const update = (fn: (r: Rubric) => void) =>
    setDraft((r) => {
      if (!r) return r;
      const next = structuredClone(r);
      fn(next);
      return next;
    });
  const labelInput = (value: Label, onChange: (l: Label) => void, testId?: string) => (
    <Input
      size="small"
      value={value[lang]}
      onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
      data-testid={testId}
    />
  );

  const save = async () => {
    try {
      await saveRubric(db(), draft);
      void message.success(t('review.templateSaved'));
      props.onSaved();
    } catch (error) {
      void message.error(t('review.templateInvalid', { reason: String(error) }));
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="rubric-editor">
      <Space wrap>
        <Select
          style={{ minWidth: 280 }}
          value={selected ?? draft.id}
          onChange={setSelected}
          options={props.rubrics.map((r) => ({ value: r.id, label: r.name[lang] }))}
        />
        <Button type="primary" disabled={problems.length > 0} onClick={() => void save()} data-testid="rubric-save">
          {t('review.saveTemplate')}
        </Button>
      </Space>
      {problems.length > 0 && (
        <Alert type="warning" showIcon title={problems.join('；')} data-testid="rubric-problems" />
      )}

      <Card size="small" title={t('review.bands')}>
        <Space wrap>
          {(['excellent', 'good', 'pass'] as const).map((band) => (
            <Space key={band}>
              <span>{t(`review.band${band[0]?.toUpperCase()}${band.slice(1)}` as 'review.bandGood')}</span>
              <InputNumber
                min={0}
                max={100}
                value={draft.bands[band]}
                onChange={(v) =>
                  update((r) => {
                    r.bands[band] = typeof v === 'number' ? v : 0;
                  })
                }
                data-testid={`band-${band}`}
              />
            </Space>
          ))}
        </Space>
      </Card>

      <Card
        size="small"
        title={t('review.vetoes')}
        extra={
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              update((r) => {
                r.vetoItems.push({ key: keyFrom('veto'), label: { zh: '新否决项', en: 'New veto item' } });
              })
            }
          >
            {t('review.addVeto')}
          </Button>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {draft.vetoItems.map((veto, i) => (
            <Space key={veto.key} style={{ width: '100%' }}>
              {labelInput(veto.label, (l) =>
                update((r) => {
                  const v = r.vetoItems[i];
                  if (v) v.label = l;
                }),
              )}
              <Button
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('review.removeVeto')}
                onClick={() =>
                  update((r) => {
                    r.vetoItems.splice(i, 1);
                  })
                }
              />
            </Space>
          ))}
        </Space>
      </Card>

      {RUBRIC_SECTIONS.map((section) => (
        <Card
          key={section}
          size="small"
          title={t(`review.${section}`, { points: draft.sectionPoints[section] })}
          data-testid={`rubric-section-${section}`}
        >
          <table className="score-table">
            <thead>
              <tr>
                <th>{t('review.item')}</th>
                <th className="num">{t('review.points')}</th>
                <th>{t('review.deductions')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.items.map((item, i) =>
                item.section !== section ? null : (
                  <tr key={item.key}>
                    <td className="item-label">
                      {labelInput(item.label, (l) =>
                        update((r) => {
                          const it = r.items[i];
                          if (it) it.label = l;
                        }),
                      )}
                    </td>
                    <td className="num">
                      <InputNumber
                        size="small"
                        min={0.5}
                        max={100}
                        step={1}
                        value={item.points}
                        onChange={(v) =>
                          update((r) => {
                            const it = r.items[i];
                            if (it && typeof v === 'number') it.points = v;
                          })
                        }
                        data-testid={`points-${item.key}`}
                      />
                    </td>
                    <td>
                      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                        {item.deductions.map((d, j) => (
                          <Space key={d.key}>
                            {labelInput(d.label, (l) =>
                              update((r) => {
                                const dd = r.items[i]?.deductions[j];
                                if (dd) dd.label = l;
                              }),
                            )}
                            <Tag bordered={false}>−</Tag>
                            <InputNumber
                              size="small"
                              min={0.5}
                              max={100}
                              step={1}
                              value={d.points}
                              onChange={(v) =>
                                update((r) => {
                                  const dd = r.items[i]?.deductions[j];
                                  if (dd && typeof v === 'number') dd.points = v;
                                })
                              }
                            />
                            <Button
                              size="small"
                              icon={<DeleteOutlined />}
                              aria-label={t('review.removeDeduction')}
                              onClick={() =>
                                update((r) => {
                                  r.items[i]?.deductions.splice(j, 1);
                                })
                              }
                            />
                          </Space>
                        ))}
                        <Button
                          size="small"
                          type="dashed"
                          icon={<PlusOutlined />}
                          onClick={() =>
                            update((r) => {
                              r.items[i]?.deductions.push({
                                key: keyFrom('d'),
                                label: { zh: '新扣分情形', en: 'New deduction' },
                                points: 1,
                              });
                            })
                          }
                        >
                          {t('review.addDeduction')}
                        </Button>
                      </Space>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </Card>
      ))}
    </Space>
  );
}
