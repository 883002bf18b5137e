import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  FileWordOutlined,
  SaveOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Drawer, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type FieldGroup, fieldDefsFor, fieldsSchemaFor } from '../../../shared/documents/fields';
import type { DocumentDetail } from '../../../shared/documents/records';
import { DOCUMENT_TYPE_INFO } from '../../../shared/documents/types';
import { ApiError, call } from '../../api/client';
import { useCommand } from '../../app/commands';
import { useErrorMessage } from '../../components/use-error-message';
import { STATUS_COLORS } from './DocumentList';
import { documentPath, notifyIssued } from './draft-from-source';
import { FieldInput } from './FieldInput';
import { fromFormValues, toFormErrors, toFormValues, zodIssues } from './form-values';
import { PdfPreview } from './PdfPreview';

const GROUPS: FieldGroup[] = ['header', 'body', 'closing'];

/** One document: the form of a draft, or the read-only record of an issued one. */
export function DocumentEditor() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['documents', 'common', 'errors']);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm();
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<number | null>(null);

  const defs = useMemo(() => (detail ? fieldDefsFor(detail.type) : []), [detail]);
  const isDraft = detail?.status === 'draft';

  const show = useCallback(
    (next: DocumentDetail) => {
      setDetail(next);
      form.resetFields();
      form.setFieldsValue(toFormValues(fieldDefsFor(next.type), next.fields));
    },
    [form],
  );

  useEffect(() => {
    setDetail(null);
    call('documents.get', { id }).then(show, (error: unknown) => {
      showError(error);
      navigate('/documents');
    });
  }, [id, show, showError, navigate]);

  const markErrors = useCallback(
    (issues: Parameters<typeof toFormErrors>[1]) => {
      const errors = toFormErrors(defs, issues, t);
      form.setFields(errors);
      if (errors[0]) form.scrollToField(errors[0].name, { block: 'center' });
      return errors.length > 0;
    },
    [defs, form, t],
  );

  /** Saves the form as the draft; resolves to the saved detail, or null if it had errors. */
  const save = useCallback(
    async (quiet = false): Promise<DocumentDetail | null> => {
      if (detail?.status !== 'draft') return detail;
      const fields = fromFormValues(defs, form.getFieldsValue(true));
      form.setFields(defs.map((d) => ({ name: d.name, errors: [] })));
      const parsed = fieldsSchemaFor(detail.type, { complete: false }).safeParse(fields);
      if (!parsed.success) {
        markErrors(zodIssues(parsed.error));
        void message.error(t('errors:codes.VALIDATION_FAILED'));
        return null;
      }
      try {
        const saved = await call('documents.saveDraft', { id: detail.id, fields });
        setDetail(saved);
        if (!quiet) void message.success(t('documents:editor.saved'));
        return saved;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') markErrors(error.issues);
        showError(error);
        return null;
      }
    },
    [detail, defs, form, markErrors, message, t, showError],
  );
  useCommand('save', isDraft ? () => void save() : undefined);

  const run = async (name: string, work: () => Promise<void>) => {
    setBusy(name);
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') markErrors(error.issues);
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const openPreview = () =>
    run('preview', async () => {
      if (isDraft && !(await save(true))) return;
      setPreview(Date.now());
    });

  const issue = () =>
    run('issue', async () => {
      const saved = await save(true);
      if (!saved) return;
      const complete = fieldsSchemaFor(saved.type, { complete: true }).safeParse(saved.fields);
      if (!complete.success) {
        markErrors(zodIssues(complete.error));
        void message.error(t('errors:codes.VALIDATION_FAILED'));
        return;
      }
      const confirmed = await modal.confirm({
        title: t('documents:issue.confirmTitle'),
        content: t('documents:issue.confirmBody'),
        okText: t('documents:issue.confirm'),
        cancelText: t('common:cancel'),
      });
      if (!confirmed) return;
      const issued = await call('documents.issue', { id: saved.id });
      show(issued);
      notifyIssued(issued);
      void message.success(t('documents:issue.done', { number: issued.number }));
    });

  const voidNumber = () => {
    let reason = '';
    void modal.confirm({
      title: t('documents:voiding.title'),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('documents:voiding.body')}</Typography.Paragraph>
          <Input
            placeholder={t('documents:voiding.reason')}
            aria-label={t('documents:voiding.reason')}
            data-testid="void-reason"
            onChange={(e) => {
              reason = e.target.value;
            }}
          />
        </Space>
      ),
      okText: t('documents:voiding.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('common:cancel'),
      onOk: () =>
        run('void', async () => {
          if (!detail) return;
          const next = await call('documents.void', { id: detail.id, reason: reason.trim() || '—' });
          show(next);
          void message.success(t('documents:voiding.done', { number: next.number }));
        }),
    });
  };

  const correct = () =>
    run('correct', async () => {
      if (!detail) return;
      const draft = await call('documents.correct', { id: detail.id });
      void message.success(t('documents:correction.done', { version: draft.version }));
      navigate(documentPath(draft.id));
    });

  const remove = async () => {
    if (!detail) return;
    const confirmed = await modal.confirm({
      title: t('documents:deleting.confirm'),
      okButtonProps: { danger: true },
      okText: t('documents:actions.delete'),
      cancelText: t('common:cancel'),
    });
    if (!confirmed) return;
    await run('delete', async () => {
      await call('documents.deleteDraft', { id: detail.id });
      void message.success(t('documents:deleting.done'));
      navigate('/documents');
    });
  };

  const saveAs = (format: 'docx' | 'pdf') =>
    run(`saveAs-${format}`, async () => {
      if (isDraft && !(await save(true))) return;
      const { path } = await call('documents.saveAs', { id, format });
      if (path) void message.success(t('documents:saveAs.done', { path }));
    });

  const openInWps = () =>
    run('open', async () => {
      if (isDraft && !(await save(true))) return;
      await call('documents.open', { id, format: 'docx' });
      void message.info(t('documents:openInWps.done'));
    });

  if (!detail) return <Spin style={{ display: 'block', margin: '64px auto' }} />;

  const typeName = t(`documents:types.${detail.type}`);
  const title = detail.number ?? t('documents:editor.draftTitle', { type: typeName });

  return (
    <Card
      className="document-editor"
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/documents')}
            aria-label={t('documents:actions.back')}
          />
          <span data-testid="document-heading">{title}</span>
          <Tag color={STATUS_COLORS[detail.status]} data-testid="document-status">
            {t(`documents:statuses.${detail.status}`)}
          </Tag>
          <Tag bordered={false}>{t(`documents:formats.${DOCUMENT_TYPE_INFO[detail.type].format}`)}</Tag>
        </Space>
      }
    >
      <Space wrap className="document-toolbar" data-testid="document-toolbar">
        {isDraft ? (
          <Button
            icon={<SaveOutlined />}
            onClick={() => void run('save', async () => void (await save()))}
            loading={busy === 'save'}
          >
            {t('documents:actions.save')}
          </Button>
        ) : null}
        <Button
          icon={<EyeOutlined />}
          onClick={() => void openPreview()}
          loading={busy === 'preview'}
          data-testid="preview"
        >
          {t('documents:actions.preview')}
        </Button>
        <Button icon={<FileWordOutlined />} onClick={() => void openInWps()} loading={busy === 'open'}>
          {t('documents:actions.openInWps')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void saveAs('docx')} loading={busy === 'saveAs-docx'}>
          {t('documents:actions.saveAsDocx')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void saveAs('pdf')} loading={busy === 'saveAs-pdf'}>
          {t('documents:actions.saveAsPdf')}
        </Button>
        {isDraft ? (
          <>
            <Button danger icon={<DeleteOutlined />} onClick={() => void remove()}>
              {t('documents:actions.delete')}
            </Button>
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              onClick={() => void issue()}
              loading={busy === 'issue'}
              data-testid="issue"
            >
              {t('documents:actions.issue')}
            </Button>
          </>
        ) : null}
        {detail.status === 'issued' ? (
          <>
            <Button icon={<EditOutlined />} onClick={() => void correct()} loading={busy === 'correct'}>
              {t('documents:actions.correct')}
            </Button>
            <Button danger icon={<StopOutlined />} onClick={voidNumber} loading={busy === 'void'}>
              {t('documents:actions.void')}
            </Button>
          </>
        ) : null}
      </Space>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        {isDraft ? null : <Alert type="info" showIcon message={t('documents:editor.issuedReadonly')} />}
        {detail.intact === false ? <Alert type="error" showIcon message={t('documents:editor.integrityBad')} /> : null}
        {detail.intact === true && detail.files ? (
          <Alert
            type="success"
            showIcon
            message={t('documents:editor.integrityOk')}
            description={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                DOCX {detail.files.docx.sha256.slice(0, 16)}… · PDF {detail.files.pdf.sha256.slice(0, 16)}…
              </Typography.Text>
            }
          />
        ) : null}
        {detail.void ? (
          <Alert
            type="warning"
            showIcon
            message={t('documents:editor.voidedBecause', { reason: detail.void.reason })}
          />
        ) : null}
        {detail.status === 'superseded' && detail.supersededById ? (
          <Alert
            type="warning"
            showIcon
            message={t('documents:editor.supersededBy')}
            action={
              <Button size="small" onClick={() => navigate(documentPath(detail.supersededById ?? ''))}>
                {t('documents:list.open')}
              </Button>
            }
          />
        ) : null}
        {detail.correctsId ? (
          <Typography.Link onClick={() => navigate(documentPath(detail.correctsId ?? ''))}>
            {t('documents:editor.corrects', { number: t('documents:list.version', { version: detail.version - 1 }) })}
          </Typography.Link>
        ) : null}
        {detail.dossierId ? (
          <Typography.Link onClick={() => navigate(`/dossiers/${encodeURIComponent(detail.dossierId ?? '')}`)}>
            {t('documents:editor.dossier')}
          </Typography.Link>
        ) : null}
      </Space>
      <Form form={form} layout="vertical" className="document-form" disabled={!isDraft} data-testid="document-form">
        {GROUPS.map((group) => (
          <section key={group}>
            <Divider titlePlacement="start">{t(`documents:groups.${group}`)}</Divider>
            {defs
              .filter((d) => d.group === group)
              .map((def) => (
                <FieldInput key={def.name} def={def} disabled={!isDraft} />
              ))}
          </section>
        ))}
      </Form>
      <Drawer
        open={preview !== null}
        onClose={() => setPreview(null)}
        title={`${t('documents:preview.title')} — ${detail.number ?? typeName}`}
        size={920}
        destroyOnHidden
      >
        {preview !== null ? <PdfPreview key={`${detail.updatedAt}-${preview}`} id={detail.id} draft={isDraft} /> : null}
      </Drawer>
    </Card>
  );
}
