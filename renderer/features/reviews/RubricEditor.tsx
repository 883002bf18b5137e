import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RUBRIC_SECTIONS, type Rubric } from '../../../shared/review/rubric';
import { addItem, type ItemDraft, type RubricProblem, rubricProblems } from '../../../shared/review/rubric-edit';
import { db, type StoredRubric } from '../../db/database';
import { type ItemUsage, ReviewStoreError, rubricUsage, saveRubric } from '../../db/review/store';
import { AddItemDialog, type AddItemStart } from './AddItemDialog';

type Label = { zh: string; en: string };

/** Keys are new to every session: scored files and findings refer to items by key. */
const newKey = (prefix: string) => `${prefix}_${crypto.randomUUID().slice(0, 8)}`;

/**
 * 评查标准: the template's veto items, items and their typical deductions, and the grade
 * bands, all editable; items can be added, and removed until a scored file rests on
 * them. Each field shows what is wrong with it; saving needs every section to add up.
 */
export function RubricEditor(props: { rubrics: StoredRubric[]; onSaved: () => void }) {
  const { t, i18n } = useTranslation('results');
  const { message } = App.useApp();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [selected, setSelected] = useState<string | undefined>(props.rubrics[0]?.id);
  const [draft, setDraft] = useState<Rubric | null>(null);
  const [usage, setUsage] = useState<Map<string, ItemUsage>>(new Map());
  const [adding, setAdding] = useState<AddItemStart | null>(null);
  const [justAdded, setJustAdded] = useState<string | null>(null);

  useEffect(() => {
    const found = props.rubrics.find((r) => r.id === selected) ?? props.rubrics[0];
    if (!found) return;
    const { updatedAt: _, ...rubric } = found;
    setDraft(structuredClone(rubric));
    let live = true;
    void rubricUsage(db(), rubric.id).then((u) => {
      if (live) setUsage(u);
    });
    return () => {
      live = false;
    };
  }, [props.rubrics, selected]);

  const problems = useMemo(() => (draft ? rubricProblems(draft) : []), [draft]);
  const problemAt = (path: string) => problems.find((p) => p.path === path || p.path.startsWith(`${path}.`));
  const status = (path: string) => (problemAt(path) ? 'error' : undefined);

  const problemText = useCallback(
    (p: RubricProblem) => {
      switch (p.code) {
        case 'sectionSum':
          return t('review.sectionSum', {
            section: t(p.params.section === 'content' ? 'review.sectionContent' : 'review.sectionForm'),
            points: p.params.points,
            sum: p.params.sum,
          });
        case 'bandsOrder':
          return t('review.bandsOrder');
        case 'labelRequired':
          return t('review.labelRequired');
        case 'pointsRange':
          return p.path.startsWith('bands') ? t('review.bandRange') : t('review.pointsRange');
        case 'duplicateKey':
          return t('review.duplicateKey');
        case 'findingTarget':
          return t('review.findingTargetInvalid');
        default:
          return t('review.invalidField', { path: p.path });
      }
    },
    [t],
  );

  const reasonOf = (error: ReviewStoreError) =>
    t(`review.errors.${error.code}`, {
      ...error.params,
      item: lang === 'en' ? error.params.itemEn : error.params.itemZh,
    });

  // The row just added comes into view, its points ready to balance the section.
  const revealAdded = useCallback(
    (row: HTMLElement | null) => {
      if (!row || !justAdded) return;
      row.scrollIntoView({ block: 'center' });
      setJustAdded(null);
    },
    [justAdded],
  );

  if (!draft) return null;

  const update = (fn: (r: Rubric) => void) =>
    setDraft((r) => {
      if (!r) return r;
      const next = structuredClone(r);
      fn(next);
      return next;
    });
  const labelInput = (value: Label, onChange: (l: Label) => void, path: string, ariaLabel: string) => (
    <Input
      size="small"
      value={value[lang]}
      status={status(path)}
      placeholder={status(path) ? t('review.labelRequired') : undefined}
      aria-label={ariaLabel}
      aria-invalid={status(path) ? true : undefined}
      onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
    />
  );
  const inUseTag = (key: string) => {
    const used = usage.get(key);
    if (!used) return null;
    return (
      <Tooltip title={t('review.inUseHint', { files: used.files })}>
        <Tag className="rubric-in-use" data-testid={`in-use-${key}`}>
          {t('review.inUse')}
        </Tag>
      </Tooltip>
    );
  };
  /** Removes an item from the draft, unless scored files rest on it: then says so. */
  const removeOrRefuse = (key: string, label: Label, remove: (r: Rubric) => void) => {
    const used = usage.get(key);
    if (used) {
      void message.warning(
        t('review.errors.ITEM_IN_USE', {
          item: label[lang],
          session: used.sessions[0]?.name ?? '',
          sessions: used.sessions.length,
          files: used.files,
        }),
      );
      return;
    }
    update(remove);
  };

  const add = (input: ItemDraft) => {
    try {
      const key = newKey(input.veto ? 'veto' : 'item');
      setDraft(addItem(draft, input, key));
      setJustAdded(key);
      setAdding(null);
      void message.success(t('review.added', { name: input.label.zh }));
    } catch (error) {
      void message.error(t('review.templateInvalid', { reason: String(error) }));
    }
  };

  const save = async () => {
    try {
      await saveRubric(db(), draft);
      void message.success(t('review.templateSaved'));
      props.onSaved();
    } catch (error) {
      const reason = error instanceof ReviewStoreError ? reasonOf(error) : String(error);
      void message.error(t('review.templateInvalid', { reason }));
    }
  };

  const bandsProblem = problemAt('bands');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="rubric-editor">
      <Space wrap>
        <Select
          style={{ minWidth: 280 }}
          value={selected ?? draft.id}
          onChange={setSelected}
          options={props.rubrics.map((r) => ({ value: r.id, label: r.name[lang] }))}
          aria-label={t('review.rubric')}
        />
        <Button type="primary" disabled={problems.length > 0} onClick={() => void save()} data-testid="rubric-save">
          {t('review.saveTemplate')}
        </Button>
      </Space>
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={[...new Set(problems.map(problemText))].join('；')}
          data-testid="rubric-problems"
        />
      )}

      <Card size="small" title={t('review.bands')}>
        <Space wrap>
          {(['excellent', 'good', 'pass'] as const).map((band) => (
            <Space key={band}>
              <label htmlFor={`band-${band}`}>
                {t(`review.band${band[0]?.toUpperCase()}${band.slice(1)}` as 'review.bandGood')}
              </label>
              <InputNumber
                id={`band-${band}`}
                min={0}
                max={100}
                value={draft.bands[band]}
                status={status('bands')}
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
        {bandsProblem && (
          <div className="rubric-field-error" role="alert" data-testid="bands-problem">
            {problemText(bandsProblem)}
          </div>
        )}
      </Card>

      <Card
        size="small"
        title={t('review.vetoes')}
        extra={
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding({ veto: true, section: 'content' })}
            data-testid="rubric-add-veto"
          >
            {t('review.addVeto')}
          </Button>
        }
      >
        <div className="rubric-vetoes">
          {draft.vetoItems.map((veto, i) => (
            <div key={veto.key} className="rubric-veto" data-testid={`rubric-veto-${veto.key}`}>
              {labelInput(
                veto.label,
                (l) =>
                  update((r) => {
                    const v = r.vetoItems[i];
                    if (v) v.label = l;
                  }),
                `vetoItems.${i}.label`,
                t('review.vetoItem'),
              )}
              {inUseTag(veto.key)}
              <Button
                size="small"
                type="text"
                danger={!usage.has(veto.key)}
                icon={<DeleteOutlined />}
                aria-label={t('review.removeVetoItem', { name: veto.label[lang] })}
                onClick={() =>
                  removeOrRefuse(veto.key, veto.label, (r) => {
                    r.vetoItems.splice(i, 1);
                  })
                }
                data-testid={`remove-${veto.key}`}
              />
            </div>
          ))}
        </div>
      </Card>

      {RUBRIC_SECTIONS.map((section) => {
        const sum = draft.items.filter((i) => i.section === section).reduce((a, i) => a + i.points, 0);
        const sectionProblem = problemAt(`section.${section}`);
        return (
          <Card
            key={section}
            size="small"
            title={t(`review.${section}`, { points: draft.sectionPoints[section] })}
            data-testid={`rubric-section-${section}`}
            extra={
              <Space>
                <Tag color={sectionProblem ? 'error' : 'success'} data-testid={`section-total-${section}`}>
                  {t('review.sectionTotal', { sum: Math.round(sum * 10) / 10, points: draft.sectionPoints[section] })}
                </Tag>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setAdding({ veto: false, section })}
                  data-testid={`rubric-add-item-${section}`}
                >
                  {t('review.addItem')}
                </Button>
              </Space>
            }
          >
            <table className="score-table">
              <thead>
                <tr>
                  <th>{t('review.item')}</th>
                  <th className="num">{t('review.points')}</th>
                  <th>{t('review.deductions')}</th>
                  <th className="actions" aria-label={t('review.removeDeduction')} />
                </tr>
              </thead>
              <tbody>
                {draft.items.map((item, i) =>
                  item.section !== section ? null : (
                    <tr
                      key={item.key}
                      ref={item.key === justAdded ? revealAdded : undefined}
                      data-testid={`rubric-item-${item.key}`}
                      className="rubric-item-row"
                    >
                      <td className="item-label">
                        <div className="rubric-label">
                          {labelInput(
                            item.label,
                            (l) =>
                              update((r) => {
                                const it = r.items[i];
                                if (it) it.label = l;
                              }),
                            `items.${i}.label`,
                            t('review.item'),
                          )}
                          {inUseTag(item.key)}
                        </div>
                      </td>
                      <td className="num">
                        <InputNumber
                          size="small"
                          min={0.5}
                          max={100}
                          step={1}
                          value={item.points}
                          status={status(`items.${i}.points`) ?? (sectionProblem ? 'warning' : undefined)}
                          aria-label={`${item.label[lang]} ${t('review.points')}`}
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
                              {labelInput(
                                d.label,
                                (l) =>
                                  update((r) => {
                                    const dd = r.items[i]?.deductions[j];
                                    if (dd) dd.label = l;
                                  }),
                                `items.${i}.deductions.${j}.label`,
                                t('review.deductionLabel'),
                              )}
                              <Tag bordered={false}>−</Tag>
                              <InputNumber
                                size="small"
                                min={0.5}
                                max={100}
                                step={1}
                                value={d.points}
                                status={status(`items.${i}.deductions.${j}.points`)}
                                aria-label={`${d.label[lang]} ${t('review.deductionPoints')}`}
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
                                  key: newKey('d'),
                                  label: {
                                    zh: i18n.t('results:review.newDeduction', { lng: 'zh-CN' }),
                                    en: i18n.t('results:review.newDeduction', { lng: 'en' }),
                                  },
                                  points: 1,
                                });
                              })
                            }
                          >
                            {t('review.addDeduction')}
                          </Button>
                        </Space>
                      </td>
                      <td className="actions">
                        <Button
                          size="small"
                          type="text"
                          danger={!usage.has(item.key)}
                          icon={<DeleteOutlined />}
                          aria-label={t('review.removeItem', { name: item.label[lang] })}
                          onClick={() =>
                            removeOrRefuse(item.key, item.label, (r) => {
                              r.items.splice(i, 1);
                            })
                          }
                          data-testid={`remove-${item.key}`}
                        />
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
            {sectionProblem && (
              <div className="rubric-field-error" role="alert" data-testid={`section-problem-${section}`}>
                {problemText(sectionProblem)}
              </div>
            )}
          </Card>
        );
      })}
      <AddItemDialog start={adding} onCancel={() => setAdding(null)} onAdd={add} />
    </Space>
  );
}
