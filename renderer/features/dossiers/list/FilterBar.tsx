import {
  DeleteOutlined,
  FilterOutlined,
  SaveOutlined,
  SortAscendingOutlined,
  SortDescendingOutlined,
} from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Dropdown, Form, Input, Modal, Select, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { memo, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOSSIER_KINDS } from '../../../../shared/domain/dossier';
import type { SortKey } from '../../../db/dossiers/catalog';
import { type DossierQuery, defaultDirection, normalizeQuery, type SavedFilter } from '../../../db/dossiers/filters';
import { matchesLabel, type NamedOption } from '../data/names';
import { useDossiers } from '../data/use-store';
import 'dayjs/locale/zh-cn';

const SORTS: SortKey[] = ['updated', 'registered', 'due'];

/** Filters under the status chips: kind, organ, subject, overdue, origin, dates, order, saved filters. */
export const FilterBar = memo(function FilterBar({
  query,
  onChange,
  options,
}: {
  query: DossierQuery;
  onChange(next: DossierQuery): void;
  options: { organs: NamedOption[]; subjects: NamedOption[] };
}) {
  const { t, i18n } = useTranslation('dossiers');
  const { db } = useDossiers();
  const { message } = App.useApp();
  const [saved, setSaved] = useState<SavedFilter[]>([]);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  useEffect(() => {
    dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');
  }, [i18n.language]);

  const reloadSaved = useCallback(() => {
    void db.savedFilters.orderBy('name').toArray().then(setSaved);
  }, [db]);
  useEffect(reloadSaved, [reloadSaved]);

  const sort = query.sort ?? 'updated';
  const direction = query.direction ?? defaultDirection(sort);
  const filtered =
    Object.keys(normalizeQuery({ ...query, text: '', sort: undefined, direction: undefined })).length > 0;

  const save = async () => {
    const { name } = await form.validateFields();
    const filter: SavedFilter = {
      id: crypto.randomUUID(),
      name: name.trim(),
      query: normalizeQuery(query),
      createdAt: new Date().toISOString(),
    };
    await db.savedFilters.put(filter);
    setSaving(false);
    form.resetFields();
    reloadSaved();
    void message.success(t('list.saved.saved', { name: filter.name }));
  };

  return (
    <div className="filter-bar" data-testid="filter-bar">
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: 170, maxWidth: 260 }}
        placeholder={t('list.filters.anyKind')}
        aria-label={t('list.filters.kind')}
        value={query.kinds ?? []}
        onChange={(kinds) => onChange({ ...query, kinds })}
        options={DOSSIER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <Select
        allowClear
        showSearch
        style={{ width: 210 }}
        placeholder={t('list.filters.anyOrgan')}
        aria-label={t('list.filters.organ')}
        value={query.organId}
        filterOption={matchesLabel}
        onChange={(organId) => onChange({ ...query, organId })}
        options={options.organs}
      />
      <Select
        allowClear
        showSearch
        style={{ width: 230 }}
        placeholder={t('list.filters.anySubject')}
        aria-label={t('list.filters.subject')}
        value={query.subjectId}
        filterOption={matchesLabel}
        onChange={(subjectId) => onChange({ ...query, subjectId })}
        options={options.subjects}
        data-testid="filter-subject"
      />
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={t('list.filters.anyOrigin')}
        aria-label={t('list.filters.origin')}
        value={query.origin}
        onChange={(origin) => onChange({ ...query, origin })}
        options={[
          { value: 'own', label: t('list.filters.originOwn') },
          { value: 'received', label: t('list.filters.originReceived') },
        ]}
      />
      <DatePicker.RangePicker
        style={{ width: 250 }}
        aria-label={t('list.filters.registered')}
        placeholder={[t('list.filters.registered'), t('list.filters.registered')]}
        allowEmpty={[true, true]}
        value={[
          query.registeredFrom ? dayjs(query.registeredFrom) : null,
          query.registeredTo ? dayjs(query.registeredTo) : null,
        ]}
        onChange={(range) =>
          onChange({
            ...query,
            registeredFrom: range?.[0]?.format('YYYY-MM-DD'),
            registeredTo: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
      />
      <Checkbox
        checked={!!query.overdue}
        onChange={(e) => onChange({ ...query, overdue: e.target.checked })}
        data-testid="filter-overdue"
      >
        {t('list.filters.overdue')}
      </Checkbox>
      <span className="filter-spacer" />
      <Space.Compact>
        <Select<SortKey>
          style={{ width: 130 }}
          aria-label={t('list.filters.sort')}
          value={sort}
          onChange={(next) => onChange({ ...query, sort: next, direction: defaultDirection(next) })}
          options={SORTS.map((s) => ({ value: s, label: t(`list.sort.${s}`) }))}
        />
        <Tooltip title={t(`list.sort.${direction}`)}>
          <Button
            aria-label={t(`list.sort.${direction}`)}
            icon={direction === 'desc' ? <SortDescendingOutlined /> : <SortAscendingOutlined />}
            onClick={() => onChange({ ...query, direction: direction === 'desc' ? 'asc' : 'desc' })}
          />
        </Tooltip>
      </Space.Compact>
      <Dropdown
        trigger={['click']}
        menu={{
          items:
            saved.length === 0
              ? [{ key: 'none', label: t('list.saved.none'), disabled: true }]
              : saved.map((f) => ({
                  key: f.id,
                  label: (
                    <span className="saved-filter-item">
                      <span>{f.name}</span>
                      <DeleteOutlined
                        aria-label={t('list.saved.delete')}
                        onClick={(e) => {
                          e.stopPropagation();
                          void db.savedFilters.delete(f.id).then(() => {
                            reloadSaved();
                            void message.success(t('list.saved.deleted', { name: f.name }));
                          });
                        }}
                      />
                    </span>
                  ),
                })),
          onClick: ({ key }) => {
            const f = saved.find((x) => x.id === key);
            if (f) onChange(f.query);
          },
        }}
      >
        <Button icon={<FilterOutlined />} data-testid="saved-filters">
          {t('list.saved.title')}
        </Button>
      </Dropdown>
      <Tooltip title={t('list.saved.save')}>
        <Button
          icon={<SaveOutlined />}
          aria-label={t('list.saved.save')}
          disabled={!filtered && !query.text}
          onClick={() => setSaving(true)}
          data-testid="save-filter"
        />
      </Tooltip>
      {(filtered || query.text) && (
        <Button type="link" onClick={() => onChange({})}>
          {t('list.filters.clear')}
        </Button>
      )}
      <Modal
        open={saving}
        title={t('list.saved.save')}
        onCancel={() => setSaving(false)}
        onOk={() => void save().catch(() => undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={() => void save()}>
          <Form.Item
            name="name"
            label={t('list.saved.name')}
            rules={[{ required: true, whitespace: true, message: t('errors:fields.required') }]}
          >
            <Input maxLength={40} placeholder={t('list.saved.namePlaceholder')} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
});
