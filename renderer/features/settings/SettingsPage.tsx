import { App, Button, Card, Form, Space, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCommand } from '../../app/commands';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useSession } from '../../app/session';
import { useErrorMessage } from '../../components/use-error-message';
import { OfficeFields, sectionFieldNames, validateOffice } from '../setup/office-form';

const ALL = ['organ', 'division'] as const;

// The dossier feature's settings (clerk, deadlines, holiday calendar, demo data) bring Dexie.
const DossierSettings = lazy(() => import('../dossiers/settings/DossierSettings'));
const BackupSettings = lazy(() => import('../backup/BackupSettings'));
const WorkSettingsCard = lazy(() => import('../followup/WorkSettingsCard'));

export default function SettingsPage() {
  const { t } = useTranslation(['settings', 'common', 'wizard']);
  const { office, setOffice, version } = useSession();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useErrorMessage();

  const save = useCallback(async () => {
    const result = validateOffice(form.getFieldsValue(true), t, ALL);
    form.setFields(sectionFieldNames(ALL).map((name) => ({ name, errors: [] })));
    form.setFields(result.errors);
    if (!result.office) return;
    setSaving(true);
    try {
      setOffice(await call('office.save', result.office));
      void message.success(t('common:saved'));
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  }, [form, t, setOffice, message, showError]);
  useCommand('save', save);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 820 }}>
      <Card title={t('settings:office.title')}>
        <Typography.Paragraph type="secondary">{t('settings:office.description')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={office ?? undefined} onFinish={save}>
          <OfficeFields form={form} sections={ALL} />
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common:save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('settings:language.title')}>
        <Typography.Paragraph type="secondary">{t('settings:language.description')}</Typography.Paragraph>
        <LanguageSwitch />
      </Card>
      <Suspense fallback={null}>
        <DossierSettings />
        <WorkSettingsCard />
      </Suspense>
      <Suspense fallback={null}>
        <BackupSettings />
      </Suspense>
      <Card title={t('settings:about.title')}>
        <Typography.Paragraph>{t('shell:about.body')}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('shell:about.version', { version })}</Typography.Text>
      </Card>
    </Space>
  );
}
