import { Button, Card, Descriptions, Form, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeIdentity } from '../../../shared/domain/office';
import { ApiError, call } from '../../api/client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useErrorMessage } from '../../components/use-error-message';
import { OfficeKeysStep } from './OfficeKeysStep';
import { OfficeFields, type OfficeSection, sectionFieldNames, validateOffice } from './office-form';

const STEPS: OfficeSection[] = ['organ', 'division'];

/** First start: the office tells the app who it is (本机关信息). */
export default function SetupWizard({ onDone }: { onDone(office: OfficeIdentity): void }) {
  const { t } = useTranslation(['wizard', 'common']);
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const [saving, setSaving] = useState(false);
  const [office, setOffice] = useState<OfficeIdentity | null>(null);
  const [saved, setSaved] = useState<OfficeIdentity | null>(null);
  const showError = useErrorMessage();

  const check = (sections: OfficeSection[]) => {
    const result = validateOffice(form.getFieldsValue(true), t, sections);
    form.setFields(sectionFieldNames(sections).map((name) => ({ name, errors: [] })));
    form.setFields(result.errors);
    return result;
  };

  const next = () => {
    const section = STEPS[step];
    if (!section) return;
    const { errors } = check([section]);
    if (errors.length > 0) return;
    if (step === STEPS.length - 1) {
      const full = check(STEPS);
      if (!full.office) return;
      setOffice(full.office);
    }
    setStep(step + 1);
  };

  const save = async () => {
    if (!office) return;
    setSaving(true);
    try {
      // The keys come next: their certificate names the office just saved.
      setSaved(await call('office.save', office));
      setStep(STEPS.length + 1);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') setStep(0);
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const isConfirm = step === STEPS.length;
  const isKeys = step === STEPS.length + 1 && saved !== null;
  return (
    <div className="wizard-page">
      <div className="wizard-topbar">
        <LanguageSwitch variant="outlined" />
      </div>
      <Card className="wizard-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('wizard:title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('wizard:subtitle')}</Typography.Paragraph>
        <Steps
          current={step}
          size="small"
          style={{ margin: '24px 0 32px' }}
          items={[
            { title: t('wizard:steps.organ') },
            { title: t('wizard:steps.division') },
            { title: t('wizard:steps.confirm') },
            { title: t('wizard:steps.keys') },
          ]}
        />
        <Form
          form={form}
          layout="vertical"
          requiredMark
          initialValues={{ level: 'county', kind: 'judicial' }}
          onFinish={next}
          style={{ display: isConfirm || isKeys ? 'none' : undefined }}
        >
          {STEPS.map((section, index) => (
            <div key={section} hidden={index !== step}>
              <OfficeFields form={form} sections={[section]} autoFocus={index === step} />
            </div>
          ))}
          <Space>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('common:back')}</Button>}
            <Button type="primary" htmlType="submit">
              {t('common:next')}
            </Button>
          </Space>
        </Form>
        {isConfirm && office && (
          <>
            <Typography.Paragraph>{t('wizard:confirmIntro')}</Typography.Paragraph>
            <OfficeSummary office={office} />
            <Space style={{ marginTop: 24 }}>
              <Button onClick={() => setStep(step - 1)}>{t('common:back')}</Button>
              <Button type="primary" loading={saving} onClick={save} autoFocus>
                {t('wizard:submit')}
              </Button>
            </Space>
          </>
        )}
        {isKeys && <OfficeKeysStep onDone={() => onDone(saved)} />}
      </Card>
    </div>
  );
}

export function OfficeSummary({ office }: { office: OfficeIdentity }) {
  const { t } = useTranslation(['wizard', 'common']);
  return (
    <Descriptions bordered column={1} size="small" data-testid="office-summary">
      <Descriptions.Item label={t('wizard:fields.name')}>{office.name}</Descriptions.Item>
      <Descriptions.Item label={t('wizard:fields.shortName')}>{office.shortName}</Descriptions.Item>
      <Descriptions.Item label={t('wizard:fields.level')}>{t(`common:levels.${office.level}`)}</Descriptions.Item>
      <Descriptions.Item label={t('wizard:fields.kind')}>
        {t(`common:organKinds.${office.kind}`)}
        {office.field ? ` · ${t(`common:fields.${office.field}`)}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('wizard:fields.divisionCode')}>{office.divisionCode}</Descriptions.Item>
      {office.superior && (
        <Descriptions.Item label={t('wizard:fields.superiorName')}>
          {office.superior.name}（{office.superior.divisionCode}）
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
