import { Alert, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';

type Protection = { protection: 'system' } | { protection: 'passphrase'; passphrase: string };

/** Protection choice with a passphrase typed twice; system protection only where the OS has a key store. */
export function ProtectionFields({ systemAvailable }: { systemAvailable: boolean }) {
  const { t } = useTranslation('packages');
  return (
    <>
      {!systemAvailable && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('protection.systemUnavailable')} />
      )}
      <Form.Item
        name="protection"
        label={t('keys.chooseProtection')}
        initialValue={systemAvailable ? 'system' : 'passphrase'}
      >
        <Radio.Group>
          <Space direction="vertical">
            <Radio value="system" disabled={!systemAvailable} data-testid="protection-system">
              {t('keys.systemOption')}
            </Radio>
            <Radio value="passphrase" data-testid="protection-passphrase">
              {t('keys.passphraseOption')}
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.protection !== b.protection}>
        {({ getFieldValue }) => getFieldValue('protection') === 'passphrase' && <PassphrasePair />}
      </Form.Item>
    </>
  );
}

export function PassphrasePair({ name = 'passphrase' }: { name?: string }) {
  const { t } = useTranslation('packages');
  return (
    <>
      <Form.Item
        name={name}
        label={t('keys.passphrase')}
        extra={t('keys.passphraseHint')}
        rules={[{ required: true, min: 8, message: t('keys.passphraseTooShort') }]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${name}-input`} />
      </Form.Item>
      <Form.Item
        name={`${name}Again`}
        label={t('keys.passphraseAgain')}
        dependencies={[name]}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue(name)
                ? Promise.resolve()
                : Promise.reject(new Error(t('keys.passphraseMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${name}-again`} />
      </Form.Item>
    </>
  );
}

export function protectionOf(values: { protection?: string; passphrase?: string }): Protection {
  return values.protection === 'passphrase'
    ? { protection: 'passphrase', passphrase: values.passphrase ?? '' }
    : { protection: 'system' };
}
