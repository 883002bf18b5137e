import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { Button, Empty, Form, Input, Modal, Select, Table, Tabs, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ReviewSession, SessionDraft } from '../../../shared/review/session';
import { useCommand } from '../../app/commands';
import { db, type StoredRubric } from '../../db/database';
import { createSession, listRubrics, listSessions } from '../../db/review/store';
import { useRegistryOptions } from '../dossiers/data/names';
import { useDeleteSession } from './delete-session';
import { RubricEditor } from './RubricEditor';

type SessionRow = ReviewSession & { files: number; scored: number };

/** Sessions with their file counts; live, so a deletion or its undo shows at once. */
async function sessionRows(): Promise<SessionRow[]> {
  const sessions = await listSessions(db());
  return Promise.all(
    sessions.map(async (s) => {
      const files = await db().reviewFiles.where('sessionId').equals(s.id).toArray();
      return { ...s, files: files.length, scored: files.filter((f) => f.score).length };
    }),
  );
}

/** The office's review sessions, newest first, and its rubric templates. */
export function SessionList() {
  const { t, i18n } = useTranslation('results');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const sessions = useLiveQuery(sessionRows, []);
  const [rubrics, setRubrics] = useState<StoredRubric[]>([]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<SessionDraft>();
  const options = useRegistryOptions(db());

  const reload = useCallback(() => {
    void listRubrics(db()).then(setRubrics);
  }, []);
  useEffect(reload, [reload]);
  const remove = useDeleteSession();
  useCommand(
    'new',
    useCallback(() => setCreating(true), []),
  );

  const year = new Date().getFullYear();
  const create = async () => {
    const values = await form.validateFields();
    const session = await createSession(db(), values);
    setCreating(false);
    navigate(`/reviews/${session.id}`);
  };

  const sessionsTab = (
    <>
      <div className="review-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('review.sessions')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-session">
          {t('review.newSession')}
        </Button>
      </div>
      {sessions && sessions.length === 0 ? (
        <Empty description={t('review.noSessions')} />
      ) : (
        <Table<SessionRow>
          rowKey="id"
          size="small"
          loading={!sessions}
          dataSource={sessions ?? []}
          pagination={false}
          onRow={(s) =>
            ({
              onClick: () => navigate(`/reviews/${s.id}`),
              style: { cursor: 'pointer' },
              'data-testid': 'review-session-row',
            }) as React.HTMLAttributes<HTMLElement>
          }
          rowClassName={() => 'review-session-row'}
          columns={[
            {
              title: t('review.name'),
              // A link, so the keyboard reaches each session as the mouse does.
              render: (_, s) => (
                <Link to={`/reviews/${s.id}`} onClick={(e) => e.stopPropagation()} data-testid="review-session-name">
                  {s.name}
                </Link>
              ),
            },
            {
              title: t('review.periodTitle'),
              render: (_, s) => t('review.period', { from: s.from, to: s.to }),
            },
            { title: t('review.rubric'), render: (_, s) => s.rubric.name[lang] },
            { title: t('review.files'), dataIndex: 'files', align: 'right' },
            { title: t('review.scored'), dataIndex: 'scored', align: 'right' },
            {
              title: '',
              align: 'right',
              render: (_, s) => (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('review.deleteSessionLabel', { name: s.name })}
                  onClick={(e) => {
                    e.stopPropagation();
                    void remove(s.id);
                  }}
                  data-testid="delete-session"
                >
                  {t('review.deleteSession')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );

  return (
    <div className="review-page" data-testid="review-sessions">
      <Tabs
        items={[
          { key: 'sessions', label: t('review.sessions'), children: sessionsTab },
          {
            key: 'templates',
            label: t('review.templates'),
            children: <RubricEditor rubrics={rubrics} onSaved={reload} />,
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('review.newSession')}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        okText={t('review.create')}
        okButtonProps={{ 'data-testid': 'session-create' } as ButtonProps}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ from: `${year}-01-01`, to: `${year}-12-31`, rubricId: rubrics[0]?.id, reviewerIds: [] }}
        >
          <Form.Item name="name" label={t('review.name')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input data-testid="session-name" />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="from" label={t('review.from')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Input type="date" data-testid="session-from" />
            </Form.Item>
            <Form.Item name="to" label={t('review.to')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Input type="date" data-testid="session-to" />
            </Form.Item>
          </div>
          <Form.Item name="rubricId" label={t('review.rubric')} rules={[{ required: true }]}>
            <Select options={rubrics.map((r) => ({ value: r.id, label: r.name[lang] }))} />
          </Form.Item>
          <Form.Item
            name="reviewerIds"
            label={t('review.reviewers')}
            rules={[{ required: true, type: 'array', min: 2, message: t('review.reviewersMin') }]}
          >
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              options={options.supervisors}
              data-testid="session-reviewers"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
