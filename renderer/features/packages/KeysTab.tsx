import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText, FingerprintGroups, formatTime } from './parts';

type KeyStatus = ChannelOutput<'keys.status'>;
type OwnCertificate = ChannelOutput<'keys.ownCertificate'>;
type TrustedOrgan = ChannelOutput<'trust.list'>[number];
type Preview = NonNullable<ChannelOutput<'trust.previewCertificate'>['preview']>;
type Protection = { protection: 'system' } | { protection: 'passphrase'; passphrase: string };

type Dialog = 'setUp' | 'unlock' | 'backup' | 'restore' | null;

/** Protection choice with a passphrase typed twice; system protection only where the OS has a key store. */
function ProtectionFields({ systemAvailable }: { systemAvailable: boolean }) {
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

function PassphrasePair({ name = 'passphrase' }: { name?: string }) {
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

function protectionOf(values: { protection?: string; passphrase?: string }): Protection {
  return values.protection === 'passphrase'
    ? { protection: 'passphrase', passphrase: values.passphrase ?? '' }
    : { protection: 'system' };
}

export function KeysTab({ status, onStatus }: { status: KeyStatus | null; onStatus(status: KeyStatus): void }) {
  const { t } = useTranslation(['packages', 'errors', 'common']);
  const { locale } = useSession();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [own, setOwn] = useState<OwnCertificate | null>(null);
  const [trusted, setTrusted] = useState<TrustedOrgan[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [checked, setChecked] = useState(false);
  const [revoking, setRevoking] = useState<{ fingerprint: string; organ: string } | null>(null);
  const [revokeReason, setRevokeReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setTrusted(await call('trust.list'));
    const next = await call('keys.status');
    onStatus(next);
    setOwn(next.state === 'none' ? null : await call('keys.ownCertificate').catch(() => null));
  }, [onStatus]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const fail = (e: unknown) => setError(errorText(t, e));

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      if (dialog === 'setUp') {
        onStatus(await call('keys.setUp', protectionOf(values)));
        void message.success(t('keys.setUpDone'));
      } else if (dialog === 'unlock') {
        onStatus(await call('keys.unlock', { passphrase: values.passphrase }));
        void message.success(t('keys.unlocked'));
      } else if (dialog === 'backup') {
        const { path } = await call('keys.writeBackup', { passphrase: values.backupPassphrase });
        if (path) void message.success(t('keys.backupDone', { path }));
      } else if (dialog === 'restore') {
        const result = await call('keys.restoreBackup', {
          passphrase: values.backupPassphrase,
          protection: protectionOf(values),
        });
        if (!result.restored) return;
        onStatus(result.status);
        void message.success(t('keys.restoreDone'));
      }
      setDialog(null);
      form.resetFields();
      await refresh();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const rotate = () =>
    modal.confirm({
      title: t('keys.rotate'),
      content: t('keys.rotateConfirm'),
      onOk: async () => {
        try {
          onStatus(await call('keys.rotate'));
          void message.success(t('keys.rotated'));
          await refresh();
        } catch (e) {
          fail(e);
        }
      },
    });

  const exportCertificate = async () => {
    try {
      const { path } = await call('keys.exportCertificate');
      if (path) void message.success(t('keys.certificateSaved', { path }));
    } catch (e) {
      fail(e);
    }
  };

  const importCertificate = async () => {
    setError(null);
    try {
      const { preview: next } = await call('trust.previewCertificate');
      setChecked(false);
      setPreview(next);
    } catch (e) {
      fail(e);
    }
  };

  const confirmCertificate = async () => {
    if (!preview) return;
    try {
      const organ = await call('trust.confirmCertificate', { token: preview.token, fingerprint: preview.fingerprint });
      void message.success(t('trust.confirmed', { organ: organ.organ.name }));
      setPreview(null);
      await refresh();
    } catch (e) {
      setPreview(null);
      fail(e);
    }
  };

  const revoke = async () => {
    if (!revoking || !revokeReason.trim()) return;
    try {
      await call('trust.revoke', { fingerprint: revoking.fingerprint, reason: revokeReason.trim() });
      void message.success(t('trust.revokedDone'));
      setRevoking(null);
      setRevokeReason('');
      await refresh();
    } catch (e) {
      fail(e);
    }
  };

  const state = status?.state ?? 'none';
  const systemAvailable = status?.systemProtectionAvailable ?? false;

  return (
    <>
      {error && (
        <Alert type="error" showIcon closable onClose={() => setError(null)} message={error} data-testid="keys-error" />
      )}
      <Card title={t('keys.title')} style={error ? { marginTop: 16 } : undefined}>
        <Typography.Paragraph type="secondary">{t('keys.intro')}</Typography.Paragraph>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('keys.status')}>
            <Tag
              color={state === 'unlocked' ? 'green' : state === 'locked' ? 'orange' : 'default'}
              data-testid="key-state"
            >
              {t(`keys.state.${state}`)}
            </Tag>
          </Descriptions.Item>
          {status?.protection && (
            <Descriptions.Item label={t('keys.protectedBy')}>{t(`protection.${status.protection}`)}</Descriptions.Item>
          )}
          {status?.current && (
            <Descriptions.Item label={t('keys.fingerprint')}>
              <FingerprintGroups groups={status.current.fingerprintGroups} testId="own-fingerprint" />
            </Descriptions.Item>
          )}
          {status?.current && (
            <Descriptions.Item label={t('keys.createdAt')}>
              {formatTime(status.current.createdAt, locale)}
            </Descriptions.Item>
          )}
        </Descriptions>
        {status && status.generations.length > 1 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('keys.generations', { count: status.generations.length })}
          </Typography.Paragraph>
        )}
        <Space wrap style={{ marginTop: 16 }}>
          {state === 'none' && (
            <Button type="primary" onClick={() => setDialog('setUp')} data-testid="keys-set-up">
              {t('keys.setUp')}
            </Button>
          )}
          {state === 'locked' && (
            <Button type="primary" onClick={() => setDialog('unlock')} data-testid="keys-unlock">
              {t('keys.unlock')}
            </Button>
          )}
          {state === 'unlocked' && (
            <>
              <Button onClick={() => setDialog('backup')} data-testid="keys-backup">
                {t('keys.backup')}
              </Button>
              <Button onClick={rotate} data-testid="keys-rotate">
                {t('keys.rotate')}
              </Button>
            </>
          )}
          <Button onClick={() => setDialog('restore')} data-testid="keys-restore">
            {t('keys.restore')}
          </Button>
        </Space>
      </Card>

      {own && (
        <Card title={t('keys.certificate')}>
          <Typography.Paragraph type="secondary">{t('keys.certificateIntro')}</Typography.Paragraph>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('trust.organ')}>
              {own.organ.name}（{own.organ.divisionCode}）
            </Descriptions.Item>
            <Descriptions.Item label={t('trust.fingerprint')}>
              <FingerprintGroups groups={own.fingerprintGroups} testId="certificate-fingerprint" />
            </Descriptions.Item>
          </Descriptions>
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            onClick={() => void exportCertificate()}
            data-testid="export-certificate"
          >
            {t('keys.exportCertificate')}
          </Button>
        </Card>
      )}

      <Card
        title={t('trust.title')}
        extra={
          <Button onClick={() => void importCertificate()} data-testid="import-certificate">
            {t('trust.importCertificate')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('trust.intro')}</Typography.Paragraph>
        {trusted.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trust.empty')} />
        ) : (
          <List
            dataSource={trusted}
            renderItem={(o) => (
              <List.Item data-testid="trusted-organ">
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {o.organ.name}（{o.organ.divisionCode}）
                  </Typography.Text>
                  {o.keys.map((k) => (
                    <Space key={k.fingerprint} wrap align="center">
                      <FingerprintGroups groups={k.fingerprintGroups} testId="trusted-fingerprint" />
                      {k.revokedAt ? (
                        <Tag color="red">
                          {t('trust.revoked', {
                            at: formatTime(k.revokedAt, locale),
                            reason: k.revocationReason ?? '',
                          })}
                        </Tag>
                      ) : (
                        <>
                          <Typography.Text type="secondary">
                            {t('trust.importedAt', { at: formatTime(k.importedAt, locale) })}
                          </Typography.Text>
                          <Button
                            size="small"
                            danger
                            onClick={() => setRevoking({ fingerprint: k.fingerprint, organ: o.organ.name })}
                            data-testid="revoke-key"
                          >
                            {t('trust.revoke')}
                          </Button>
                        </>
                      )}
                    </Space>
                  ))}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Modal
        open={dialog !== null}
        title={dialog ? t(`keys.${dialog === 'setUp' ? 'setUpTitle' : `${dialog}Title`}`) : ''}
        onCancel={() => {
          setDialog(null);
          form.resetFields();
        }}
        onOk={() => void submit()}
        okButtonProps={{ loading: busy, 'data-testid': 'keys-dialog-ok' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={() => void submit()}>
          {dialog === 'setUp' && <ProtectionFields systemAvailable={systemAvailable} />}
          {dialog === 'unlock' && (
            <Form.Item
              name="passphrase"
              label={t('keys.passphrase')}
              rules={[{ required: true, min: 8, message: t('keys.passphraseTooShort') }]}
            >
              <Input.Password autoFocus data-testid="unlock-passphrase" />
            </Form.Item>
          )}
          {dialog === 'backup' && (
            <>
              <Typography.Paragraph type="secondary">{t('keys.backupHint')}</Typography.Paragraph>
              <PassphrasePair name="backupPassphrase" />
            </>
          )}
          {dialog === 'restore' && (
            <>
              <Form.Item
                name="backupPassphrase"
                label={t('keys.backupPassphrase')}
                rules={[{ required: true, min: 8, message: t('keys.passphraseTooShort') }]}
              >
                <Input.Password data-testid="restore-passphrase" />
              </Form.Item>
              <ProtectionFields systemAvailable={systemAvailable} />
            </>
          )}
        </Form>
      </Modal>

      <Modal
        open={preview !== null}
        title={t('trust.previewTitle')}
        onCancel={() => setPreview(null)}
        onOk={() => void confirmCertificate()}
        okText={t('trust.confirm')}
        okButtonProps={{ disabled: !checked || preview?.status === 'already-trusted', 'data-testid': 'trust-confirm' }}
        width={640}
      >
        {preview && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="certificate-preview">
            <Tag color={preview.status === 'new-key' ? 'orange' : 'blue'}>
              {t(`certificate.status.${preview.status}`)}
            </Tag>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('trust.organ')}>
                <span data-testid="preview-organ">{preview.organ.name}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('trust.division')}>{preview.organ.divisionCode}</Descriptions.Item>
              <Descriptions.Item label={t('trust.level')}>
                {t(`common:levels.${preview.organ.level}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('trust.keyCreatedAt')}>
                {formatTime(preview.keyCreatedAt, locale)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text>{t('certificate.readBack')}</Typography.Text>
            <FingerprintGroups groups={preview.fingerprintGroups} testId="preview-fingerprint" />
            <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)} data-testid="trust-read-back">
              {t('trust.confirmCheck')}
            </Checkbox>
          </Space>
        )}
      </Modal>

      <Modal
        open={revoking !== null}
        title={t('trust.revokeTitle')}
        onCancel={() => setRevoking(null)}
        onOk={() => void revoke()}
        okButtonProps={{ danger: true, disabled: !revokeReason.trim(), 'data-testid': 'revoke-confirm' }}
      >
        <Typography.Paragraph>{revoking?.organ}</Typography.Paragraph>
        <Alert type="warning" showIcon message={t('trust.revokeHint')} style={{ marginBottom: 12 }} />
        <Input
          placeholder={t('trust.revokeReason')}
          value={revokeReason}
          maxLength={200}
          onChange={(e) => setRevokeReason(e.target.value)}
          data-testid="revoke-reason"
        />
      </Modal>
    </>
  );
}
