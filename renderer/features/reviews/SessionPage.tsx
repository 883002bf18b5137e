import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { App, Button, Card, Form, Input, Modal, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { GRADES } from '../../../shared/review/rubric';
import {
  type CaseFileDraft,
  circularStatistics,
  type ReviewFile,
  sessionResults,
} from '../../../shared/review/session';
import { useSession as useAppSession } from '../../app/session';
import { db } from '../../db/database';
import { addCaseFile, getSession, noteCircular, recordProblems } from '../../db/review/store';
import { DraftDocumentButton } from '../documents/draft-from-source';
import { useNames, useRegistryOptions } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import { useDeleteSession } from './delete-session';
import { GradeTag } from './GradeTag';

type Loaded = NonNullable<Awaited<ReturnType<typeof getSession>>>;
type FileForm = Omit<CaseFileDraft, 'officers'> & { officers?: string };

/** One review session: its case files with their scores, the results, and what follows from them. */
export function SessionPage() {
  const { t, i18n } = useTranslation('results');
  const { message } = App.useApp();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { env } = useDossiers();
  const { office } = useAppSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState(false);
  const [form] = Form.useForm<FileForm>();
  const options = useRegistryOptions(db());

  const reload = useCallback(() => {
    void getSession(db(), id).then((l) => setLoaded(l ?? null));
  }, [id]);
  useEffect(reload, [reload]);
  const remove = useDeleteSession(useCallback(() => navigate('/reviews'), [navigate]));

  const files = loaded?.files ?? [];
  const names = useNames(db(), { subjects: files.map((f) => f.subjectId) }, office?.name ?? '');
  const results = useMemo(() => (loaded ? sessionResults(loaded.session.rubric, loaded.files) : null), [loaded]);

  if (!loaded || !results) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const { session } = loaded;

  const add = async () => {
    const values = await form.validateFields();
    await addCaseFile(db(), session.id, {
      subjectId: values.subjectId,
      caseNumber: values.caseNumber,
      caseName: values.caseName,
      officers: (values.officers ?? '')
        .split(/[,，、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    });
    setAdding(false);
    reload();
  };

  const record = async () => {
    setRecording(true);
    try {
      const count = await recordProblems(env, session.id, (subjectId) =>
        t('review.findingDossierTitle', { session: session.name, subject: names.subject(subjectId) }),
      );
      void message.info(count ? t('review.recorded', { count }) : t('review.nothingToRecord'));
      reload();
    } catch (error) {
      console.error(error);
      void message.error(t('review.recordFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setRecording(false);
    }
  };

  return (
    <div className="review-page" data-testid="review-session">
      <div className="review-head">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="session-title">
            {session.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('review.period', { from: session.from, to: session.to })} · {session.rubric.name[lang]}
          </Typography.Text>
        </div>
        <Space wrap>
          <Button onClick={() => navigate('/reviews')}>{t('review.back')}</Button>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-case-file">
            {t('review.addFile')}
          </Button>
          <Button
            loading={recording}
            disabled={results.scored === 0}
            onClick={() => void record()}
            data-testid="record-problems"
          >
            {t('review.recordProblems')}
          </Button>
          <DraftDocumentButton
            types={['review_circular']}
            source={() => ({
              matter: { title: session.name, period: t('review.period', { from: session.from, to: session.to }) },
              statistics: circularStatistics(session, files, (s) => names.subject(s)),
            })}
            onDrafted={(draft) => noteCircular(db(), session.id, draft.id)}
          />
          <Button
            danger
            icon={<DeleteOutlined />}
            onClick={() => void remove(session.id)}
            aria-label={t('review.deleteSessionLabel', { name: session.name })}
            data-testid="delete-session"
          >
            {t('review.deleteSession')}
          </Button>
        </Space>
      </div>

      <div className="review-stats">
        <Card size="small">
          <Statistic title={t('review.files')} value={results.files} />
        </Card>
        <Card size="small">
          <Statistic title={t('review.scored')} value={results.scored} />
        </Card>
        <Card size="small" data-testid="session-average">
          <Statistic title={t('review.average')} value={results.average ?? '—'} />
        </Card>
        {GRADES.map((g) => (
          <Card size="small" key={g} data-testid={`session-grade-${g}`}>
            <Statistic title={t(`review.grades.${g}`)} value={results.byGrade[g]} />
          </Card>
        ))}
      </div>

      <Card size="small" title={t('review.fileList')}>
        <Table<ReviewFile>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={files}
          onRow={() => ({ 'data-testid': 'review-file-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('review.caseNumber'), dataIndex: 'caseNumber' },
            { title: t('review.caseName'), dataIndex: 'caseName' },
            { title: t('review.subject'), render: (_, f) => names.subject(f.subjectId) },
            {
              title: t('review.total'),
              align: 'right',
              render: (_, f) => <span data-testid="file-total">{f.score ? f.score.total : '—'}</span>,
            },
            {
              title: t('review.grade'),
              render: (_, f) =>
                f.score ? (
                  <span data-testid="file-grade">
                    <GradeTag grade={f.score.grade} />
                  </span>
                ) : (
                  <Typography.Text type="secondary">{t('review.notScored')}</Typography.Text>
                ),
            },
            {
              title: '',
              render: (_, f) => (
                <Button
                  size="small"
                  type={f.score ? 'default' : 'primary'}
                  onClick={() => navigate(`/reviews/${session.id}/files/${f.id}`)}
                  data-testid="score-file"
                >
                  {f.score ? t('review.rescore') : t('review.score')}
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <div className="review-grid">
        <Card size="small" title={t('review.bySubject')}>
          <Table
            rowKey="subjectId"
            size="small"
            pagination={false}
            dataSource={results.bySubject}
            columns={[
              { title: t('review.subject'), render: (_, s) => names.subject(s.subjectId) },
              { title: t('review.files'), dataIndex: 'files', align: 'right' },
              { title: t('review.average'), render: (_, s) => s.average ?? '—', align: 'right' },
              { title: t('review.vetoedCount'), dataIndex: 'vetoed', align: 'right' },
              ...GRADES.map((g) => ({
                title: t(`review.grades.${g}`),
                align: 'right' as const,
                render: (_: unknown, s: (typeof results.bySubject)[number]) => s.byGrade[g],
              })),
            ]}
          />
        </Card>
        <Card size="small" title={t('review.problems')}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={results.problems.slice(0, 15)}
            columns={[
              { title: t('review.item'), render: (_, p) => p.label[lang] },
              {
                title: t('review.files'),
                align: 'right',
                render: (_, p) => t('review.problemFiles', { count: p.files }),
              },
            ]}
          />
        </Card>
      </div>

      <Modal
        open={adding}
        title={t('review.addFile')}
        onCancel={() => setAdding(false)}
        onOk={() => void add()}
        okButtonProps={{ 'data-testid': 'case-file-save' } as ButtonProps}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="subjectId" label={t('review.subject')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={options.subjects} data-testid="case-file-subject" />
          </Form.Item>
          <Form.Item name="caseNumber" label={t('review.caseNumber')} rules={[{ required: true, max: 60 }]}>
            <Input data-testid="case-file-number" />
          </Form.Item>
          <Form.Item name="caseName" label={t('review.caseName')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input data-testid="case-file-name" />
          </Form.Item>
          <Form.Item name="officers" label={t('review.officers')}>
            <Input data-testid="case-file-officers" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
