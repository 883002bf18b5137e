import { DownloadOutlined, ExportOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Spin, Switch, Tabs, Tree, TreeSelect, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { REGISTRY_KINDS, type RegistryKind, type RegistryRecords } from '../../../shared/domain/registry';
import { registries as enRegistries } from '../../../shared/i18n/en/registries';
import { registries as zhRegistries } from '../../../shared/i18n/zh-CN/registries';
import { normalizeName } from '../../../shared/registry/columns';
import { organSubtree, type RegistrySnapshot } from '../../../shared/registry/rules';
import { call } from '../../api/client';
import { useCommand } from '../../app/commands';
import { useErrorMessage } from '../../components/use-error-message';
import { setActive, useRegistrySnapshot } from './data';
import { ImportDialog, type TableFile } from './ImportDialog';
import { organTreeData } from './organ-tree';
import { RegistryFormDrawer } from './RegistryFormDrawer';
import { RegistryTable } from './RegistryTable';
import { chooseSheet, registrySheet, templateSheets } from './spreadsheet';
import './registries.css';

type AnyRecord = RegistryRecords[RegistryKind];

const isKind = (value: string | undefined): value is RegistryKind =>
  (REGISTRY_KINDS as readonly string[]).includes(value ?? '');

export default function RegistriesPage() {
  return (
    <Routes>
      <Route path=":tab?" element={<RegistriesTabs />} />
    </Routes>
  );
}

function RegistriesTabs() {
  const { t } = useTranslation(['registries', 'common']);
  const params = useParams();
  const navigate = useNavigate();
  const kind: RegistryKind = isKind(params.tab) ? params.tab : 'organs';
  const snapshot = useRegistrySnapshot();
  const { message, modal } = App.useApp();
  const showError = useErrorMessage();

  const [query, setQuery] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [organFilter, setOrganFilter] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ record: AnyRecord | null } | null>(null);
  const [importing, setImporting] = useState<{ file: TableFile; sheet: number } | null>(null);
  const [busy, setBusy] = useState<'import' | 'export' | 'template' | null>(null);

  useCommand(
    'new',
    useCallback(() => setEditing({ record: null }), []),
  );

  const records = useMemo(() => {
    if (!snapshot) return [];
    const all = snapshot[kind] as readonly AnyRecord[];
    const words = normalizeName(query);
    const subtree = organFilter ? organSubtree(snapshot.organs, organFilter) : null;
    // Subjects and supervisors filter by their organ; officers by their subject's organ.
    const subjectOrgan = new Map(snapshot.subjects.map((s) => [s.id, s.organId]));
    const organOf = (r: AnyRecord): string | undefined => {
      const values = r as unknown as Record<string, string | undefined>;
      if (kind === 'organs') return r.id;
      if (kind === 'officers') return subjectOrgan.get(values.subjectId ?? '');
      return values.organId;
    };
    return all
      .filter((r) => showInactive || r.active)
      .filter((r) => !subtree || subtree.has(organOf(r) ?? ''))
      .filter((r) => !words || searchText(r).includes(words))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  }, [snapshot, kind, query, showInactive, organFilter]);

  const toggleActive = (record: AnyRecord) => {
    const apply = async () => {
      try {
        await setActive(kind, record.id, !record.active);
        void message.success(
          t(record.active ? 'registries:messages.deactivated' : 'registries:messages.reactivated', {
            name: record.name,
          }),
        );
      } catch (error) {
        showError(error);
      }
    };
    if (!record.active) return void apply();
    modal.confirm({
      title: t('registries:confirmDeactivate.title', { name: record.name }),
      content: t('registries:confirmDeactivate.body'),
      okText: t('registries:actions.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common:cancel'),
      onOk: apply,
    });
  };

  const startImport = async () => {
    if (!snapshot) return;
    setBusy('import');
    try {
      const file = await call('registry.readTable');
      if (!file) return;
      const names = [zhRegistries, enRegistries].map((c) => c.tabs[kind]);
      setImporting({ file, sheet: chooseSheet(kind, file, names, snapshot) });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const exportAll = async () => {
    if (!snapshot) return;
    setBusy('export');
    try {
      const sheets = REGISTRY_KINDS.map((k) => registrySheet(k, snapshot, t));
      const today = new Date().toISOString().slice(0, 10);
      const result = await call('registry.exportXlsx', {
        defaultName: `${t('registries:exportName')} ${today}`,
        sheets,
      });
      if (result.saved) void message.success(t('registries:messages.exported', { fileName: result.fileName }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const downloadTemplate = async () => {
    setBusy('template');
    try {
      const registry = t(`registries:tabs.${kind}`);
      const result = await call('registry.exportXlsx', {
        defaultName: t('registries:templateName', { registry }),
        sheets: templateSheets(kind, t),
      });
      if (result.saved) void message.success(t('registries:messages.templateSaved', { fileName: result.fileName }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  if (!snapshot) return <Spin style={{ display: 'block', margin: '64px auto' }} />;

  const table = (
    <RegistryTable
      kind={kind}
      records={records}
      snapshot={snapshot}
      onEdit={(record) => setEditing({ record })}
      onToggleActive={toggleActive}
      emptyText={t(`registries:empty.${kind}`)}
    />
  );

  return (
    <Card className="registries-page" styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={kind}
        onChange={(key) => {
          setQuery('');
          setOrganFilter(null);
          navigate(`/registries/${key}`);
        }}
        items={REGISTRY_KINDS.map((k) => ({
          key: k,
          label: `${t(`registries:tabs.${k}`)} (${(snapshot[k] as readonly AnyRecord[]).filter((r) => r.active).length})`,
        }))}
        tabBarExtraContent={
          <Space>
            <Button icon={<ExportOutlined />} loading={busy === 'export'} onClick={() => void exportAll()}>
              {t('registries:actions.export')}
            </Button>
          </Space>
        }
      />
      <div className="registries-toolbar">
        <Input.Search
          allowClear
          placeholder={t('registries:search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 220 }}
          aria-label={t('registries:search')}
        />
        <Space>
          <Switch size="small" checked={showInactive} onChange={setShowInactive} id="registry-show-inactive" />
          <label htmlFor="registry-show-inactive">{t('registries:showInactive')}</label>
        </Space>
        {kind !== 'organs' && (
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            value={organFilter ?? undefined}
            onChange={(value?: string) => setOrganFilter(value ?? null)}
            treeData={organTreeData(snapshot.organs)}
            placeholder={t('registries:organFilter')}
            aria-label={t('registries:organFilter')}
            style={{ width: 200 }}
          />
        )}
        <Typography.Text type="secondary">{t('registries:count', { count: records.length })}</Typography.Text>
        <span className="spacer" />
        <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={() => void downloadTemplate()}>
          {t('registries:actions.template')}
        </Button>
        <Button icon={<ImportOutlined />} loading={busy === 'import'} onClick={() => void startImport()}>
          {t('registries:actions.import')}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ record: null })}>
          {t('registries:actions.create')}
        </Button>
      </div>
      {kind === 'organs' ? (
        <div className="registries-split">
          <OrganTreePanel
            snapshot={snapshot}
            showInactive={showInactive}
            selected={organFilter}
            onSelect={setOrganFilter}
          />
          <div className="registries-split-main">{table}</div>
        </div>
      ) : (
        table
      )}
      <RegistryFormDrawer
        kind={kind}
        record={editing?.record ?? null}
        open={editing !== null}
        snapshot={snapshot}
        onClose={() => setEditing(null)}
      />
      {importing && (
        <ImportDialog
          kind={kind}
          file={importing.file}
          initialSheet={importing.sheet}
          snapshot={snapshot}
          onClose={() => setImporting(null)}
        />
      )}
    </Card>
  );
}

function searchText(record: AnyRecord): string {
  const values = record as unknown as Record<string, unknown>;
  return normalizeName(
    ['name', 'shortName', 'divisionCode', 'creditCode', 'certificateNo', 'supervisionIdNo']
      .map((key) => (typeof values[key] === 'string' ? values[key] : ''))
      .join(' '),
  );
}

function OrganTreePanel({
  snapshot,
  showInactive,
  selected,
  onSelect,
}: {
  snapshot: RegistrySnapshot;
  showInactive: boolean;
  selected: string | null;
  onSelect(id: string | null): void;
}) {
  const { t } = useTranslation('registries');
  const treeData = useMemo(
    () => organTreeData(snapshot.organs.filter((o) => showInactive || o.active)),
    [snapshot, showInactive],
  );
  return (
    <nav className="registries-tree" aria-label={t('tree.title')}>
      <Typography.Text strong>{t('tree.title')}</Typography.Text>
      <Button
        type={selected ? 'link' : 'text'}
        size="small"
        className="registries-tree-all"
        onClick={() => onSelect(null)}
      >
        {t('tree.all')}
      </Button>
      <Tree
        // Remounted when organs come or go, so new branches open like the rest.
        key={treeData.length + snapshot.organs.length}
        treeData={treeData}
        selectedKeys={selected ? [selected] : []}
        defaultExpandAll
        blockNode
        onSelect={(keys) => onSelect((keys[0] as string | undefined) ?? null)}
        titleRender={(node) => (
          <span className={(node as { active?: boolean }).active === false ? 'registry-inactive-text' : undefined}>
            {String((node as { title?: unknown }).title ?? '')}
          </span>
        )}
      />
    </nav>
  );
}
