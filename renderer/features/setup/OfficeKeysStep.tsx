import { Alert, Button, Form, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { ProtectionFields, protectionOf } from '../packages/protection';

/**
 * The last step of the first start: the office's signing and encryption keys, which
 * every package and receipt it sends is signed with. Offices that only keep their own
 * dossiers may leave it for later (数据交换 → 密钥与信任).
 */
export function OfficeKeysStep({ onDone }: { onDone(): void }) {
  const { t } = useTranslation(['wizard', 'packages']);
  const [form] = Form.useForm();
  const [systemAvailable, setSystemAvailable] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const showError = useErrorMessage();
  const done = useRef(onDone);
  done.current = onDone;

  // Once: an office whose keys exist already (restored from a key backup) skips the step.
  useEffect(() => {
    call('keys.status').then(
      (status) => (status.state === 'none' ? setSystemAvailable(status.systemProtectionAvailable) : done.current()),
      () => setSystemAvailable(false),
    );
  }, []);

  const generate = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await call('keys.setUp', protectionOf(values));
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  if (systemAvailable === null) return null;
  return (
    <div data-testid="wizard-keys">
      <Typography.Paragraph>{t('wizard:keys.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('wizard:keys.later')} />
      <Form form={form} layout="vertical" onFinish={generate}>
        <ProtectionFields systemAvailable={systemAvailable} />
        <Space>
          <Button onClick={onDone} disabled={busy} data-testid="wizard-keys-skip">
            {t('wizard:keys.skip')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="wizard-keys-generate">
            {t('wizard:keys.generate')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
