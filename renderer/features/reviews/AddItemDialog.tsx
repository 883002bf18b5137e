import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { Button, Cascader, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { RUBRIC_SECTIONS, type RubricSection } from '../../../shared/review/rubric';
import type { ItemDraft } from '../../../shared/review/rubric-edit';
import { FINDING_TAXONOMY, labelOf } from '../../../shared/taxonomy/findings';

export interface AddItemStart {
  veto: boolean;
  section: RubricSection;
}

interface Values {
  kind: 'scored' | 'veto';
  section: RubricSection;
  zh: string;
  en?: string;
  points?: number;
  deductions?: { zh: string; points?: number }[];
  finding?: [string, string];
}

/**
 * 添加评查项目: a scored item with its points and typical deductions, or a veto item,
 * and where its problems go among the findings. Enter in a field adds the item.
 */
export function AddItemDialog(props: {
  start: AddItemStart | null;
  onCancel: () => void;
  onAdd: (draft: ItemDraft) => void;
}) {
  const { t, i18n } = useTranslation('results');
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? (props.start?.veto ? 'veto' : 'scored');

  const finish = (v: Values) =>
    props.onAdd({
      veto: v.kind === 'veto',
      section: v.section,
      label: { zh: v.zh, en: v.en ?? '' },
      points: v.kind === 'veto' ? undefined : v.points,
      deductions:
        v.kind === 'veto'
          ? []
          : (v.deductions ?? []).map((d) => ({ label: { zh: d.zh, en: '' }, points: d.points ?? 0 })),
      finding: v.finding ? { category: v.finding[0], subcategory: v.finding[1] } : undefined,
    });

  return (
    <Modal
      open={props.start !== null}
      title={t('review.addItemTitle')}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={t(kind === 'veto' ? 'review.addVeto' : 'review.addItem')}
      okButtonProps={{ 'data-testid': 'item-save' } as ButtonProps}
      destroyOnHidden
      width={620}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={finish}
        initialValues={{
          kind: props.start?.veto ? 'veto' : 'scored',
          section: props.start?.section ?? 'form',
          deductions: [],
        }}
        data-testid="add-item-form"
      >
        <Form.Item name="kind" label={t('review.itemKind')}>
          <Radio.Group
            options={[
              { value: 'scored', label: t('review.kindScored') },
              { value: 'veto', label: t('review.kindVeto') },
            ]}
          />
        </Form.Item>
        <div className="add-item-row">
          <Form.Item
            name="zh"
            label={t('review.labelZh')}
            rules={[
              { required: true, whitespace: true, message: t('review.labelRequired') },
              { max: 200, message: t('review.invalidField', { path: t('review.labelZh') }) },
            ]}
          >
            <Input autoFocus data-testid="item-label-zh" />
          </Form.Item>
          <Form.Item name="en" label={t('review.labelEn')} rules={[{ max: 200 }]}>
            <Input data-testid="item-label-en" />
          </Form.Item>
        </div>
        {kind === 'scored' && (
          <div className="add-item-row">
            <Form.Item name="section" label={t('review.section')}>
              <Radio.Group
                optionType="button"
                options={RUBRIC_SECTIONS.map((s) => ({
                  value: s,
                  label: t(s === 'form' ? 'review.sectionForm' : 'review.sectionContent'),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="points"
              label={t('review.itemPoints')}
              rules={[
                { required: true, message: t('review.pointsRequired') },
                { type: 'number', min: 0.5, max: 100, message: t('review.pointsRange') },
              ]}
            >
              <InputNumber min={0.5} max={100} step={1} data-testid="item-points" />
            </Form.Item>
          </div>
        )}
        {kind === 'scored' && (
          <Form.Item label={t('review.deductions')}>
            <Form.List name="deductions">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  {fields.map((field, j) => (
                    <Space key={field.key} align="start" style={{ width: '100%' }}>
                      <Form.Item
                        name={[field.name, 'zh']}
                        rules={[{ required: true, whitespace: true, message: t('review.labelRequired') }]}
                        style={{ marginBottom: 0, width: 340 }}
                      >
                        <Input
                          placeholder={t('review.deductionLabel')}
                          aria-label={`${t('review.deductionLabel')} ${j + 1}`}
                          data-testid={`item-deduction-label-${j}`}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'points']}
                        dependencies={['points']}
                        rules={[
                          { required: true, message: t('review.pointsRequired') },
                          ({ getFieldValue }) => ({
                            validator: async (_, value: number | undefined) => {
                              const max = getFieldValue('points') as number | undefined;
                              if (value !== undefined && max !== undefined && value > max)
                                throw new Error(t('review.deductionOverPoints', { points: max }));
                            },
                          }),
                        ]}
                        style={{ marginBottom: 0 }}
                      >
                        <InputNumber
                          min={0.5}
                          max={100}
                          step={1}
                          prefix="−"
                          aria-label={`${t('review.deductionPoints')} ${j + 1}`}
                          data-testid={`item-deduction-points-${j}`}
                        />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={`${t('review.removeDeduction')} ${j + 1}`}
                        onClick={() => remove(field.name)}
                      />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ zh: '', points: 1 })}
                    data-testid="item-add-deduction"
                  >
                    {t('review.addDeduction')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
        )}
        <Form.Item name="finding" label={t('review.findingTarget')}>
          <Cascader
            allowClear
            showSearch
            options={FINDING_TAXONOMY.map((c) => ({
              value: c.key,
              label: labelOf(c, locale),
              children: c.items.map((i) => ({ value: i.key, label: labelOf(i, locale) })),
            }))}
          />
        </Form.Item>
        {/* Enter in a field submits the form, as in any dialog. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
