import { App, Button, Card, Form, InputNumber, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LATE_REVIEW_POLICIES } from '../../../shared/review-requests/review-request';
import { db } from '../../db/database';
import { loadWorkSettings, saveWorkSettings, type WorkSettings } from '../../db/work/settings';
import { dropWork } from './use-work';

interface Values {
  clueAssessmentWorkingDays: number;
  maxInspections: number;
  windowDays: number;
  jointWindowDays: number;
  lateReviewPolicy: WorkSettings['lateReviewPolicy'];
}

/** Settings card: clue assessment period, inspection flag rules, late review requests. */
export default function WorkSettingsCard() {
  const { t } = useTranslation(['followup', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // Disabled until the stored figures are in: what the clerk types first is not overwritten.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void loadWorkSettings(db()).then((s) => {
      form.setFieldsValue({
        clueAssessmentWorkingDays: s.clueAssessmentWorkingDays,
        ...s.inspectionRules,
        lateReviewPolicy: s.lateReviewPolicy,
      });
      setLoaded(true);
    });
  }, [form]);
  const save = async (v: Values) => {
    await saveWorkSettings(db(), {
      clueAssessmentWorkingDays: v.clueAssessmentWorkingDays,
      inspectionRules: {
        maxInspections: v.maxInspections,
        windowDays: v.windowDays,
        jointWindowDays: v.jointWindowDays,
      },
      lateReviewPolicy: v.lateReviewPolicy,
    });
    dropWork();
    void message.success(t('followup:settings.saved'));
  };
  const f = (key: string) => t(`followup:settings.${key}`);
  return (
    <Card title={f('title')} data-testid="work-settings">
      <Typography.Paragraph type="secondary">{f('description')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        className="settings-inline-form"
        disabled={!loaded}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="clueAssessmentWorkingDays" label={f('assessmentDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="maxInspections" label={f('maxInspections')} rules={[{ required: true }]}>
          <InputNumber min={1} max={50} style={{ width: 90 }} data-testid="rule-max" />
        </Form.Item>
        <Form.Item name="windowDays" label={f('windowDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={366} style={{ width: 90 }} data-testid="rule-window" />
        </Form.Item>
        <Form.Item name="jointWindowDays" label={f('jointWindowDays')} rules={[{ required: true }]}>
          <InputNumber min={0} max={90} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="lateReviewPolicy" label={f('lateReview')}>
          <Radio.Group
            options={LATE_REVIEW_POLICIES.map((p) => ({
              value: p,
              label: t(`followup:settings.lateReviewPolicies.${p}`),
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" data-testid="work-settings-save">
            {t('common:save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
