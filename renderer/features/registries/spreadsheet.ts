import type { TFunction } from 'i18next';
import type { RegistryKind, RegistryRecords } from '../../../shared/domain/registry';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { type ColumnSpec, normalizeName, REGISTRY_COLUMNS } from '../../../shared/registry/columns';
import { planImport, type Sheet } from '../../../shared/registry/import-plan';
import type { RegistrySnapshot } from '../../../shared/registry/rules';

type ExportSheet = ChannelInput<'registry.exportXlsx'>['sheets'][number];
type TableFile = NonNullable<ChannelOutput<'registry.readTable'>>;

/** "common.levels" + "county" → the label in the clerk's language. */
export function enumLabel(t: TFunction, labels: string, value: string): string {
  const [ns, ...path] = labels.split('.');
  return t(`${ns}:${path.join('.')}.${value}`);
}

const header = (t: TFunction, kind: RegistryKind, spec: ColumnSpec) => t(`registries:columns.${kind}.${spec.key}`);

/** The text a column shows for a record: labels for enums, names for references. */
export function cellValue(
  t: TFunction,
  spec: ColumnSpec,
  record: RegistryRecords[RegistryKind],
  snapshot: RegistrySnapshot,
): string {
  const values = record as unknown as Record<string, unknown>;
  if (spec.type === 'active') return t(`registries:activeLabels.${record.active ? 'active' : 'inactive'}`);
  if (spec.type === 'reference') {
    const id = values[spec.key === 'parent' ? 'parentId' : spec.key === 'organ' ? 'organId' : 'subjectId'];
    const pool = spec.key === 'subject' ? snapshot.subjects : snapshot.organs;
    return (pool as readonly { id: string; name: string }[]).find((r) => r.id === id)?.name ?? '';
  }
  const value = values[spec.key];
  if (typeof value !== 'string') return '';
  return spec.type === 'enum' && spec.labels ? enumLabel(t, spec.labels, value) : value;
}

/** One registry as a sheet, in the template's columns so that it imports back. */
export function registrySheet(kind: RegistryKind, snapshot: RegistrySnapshot, t: TFunction): ExportSheet {
  const specs = REGISTRY_COLUMNS[kind];
  const records = snapshot[kind] as readonly RegistryRecords[RegistryKind][];
  return {
    name: t(`registries:tabs.${kind}`),
    columns: specs.map((spec) => ({ header: header(t, kind, spec), width: spec.width })),
    rows: records.map((record) => specs.map((spec) => cellValue(t, spec, record, snapshot))),
  };
}

/**
 * An empty sheet with the registry's headers, and a guide sheet saying for each column
 * whether it is required and which values it takes.
 */
export function templateSheets(kind: RegistryKind, t: TFunction): ExportSheet[] {
  const specs = REGISTRY_COLUMNS[kind];
  const guide: ExportSheet = {
    name: t('registries:template.guideSheet'),
    columns: [
      { header: t('registries:template.column'), width: 20 },
      { header: t('registries:template.required'), width: 10 },
      { header: t('registries:template.values'), width: 80 },
    ],
    rows: specs.map((spec) => [
      header(t, kind, spec),
      spec.required ? t('common:required') : t('common:optional'),
      valuesHelp(t, kind, spec),
    ]),
  };
  return [
    {
      name: t(`registries:tabs.${kind}`),
      columns: specs.map((spec) => ({ header: header(t, kind, spec), width: spec.width })),
      rows: [],
    },
    guide,
  ];
}

function valuesHelp(t: TFunction, kind: RegistryKind, spec: ColumnSpec): string {
  if (spec.type === 'enum' && spec.labels) {
    const [ns, ...path] = spec.labels.split('.');
    const labels = t(`${ns}:${path.join('.')}`, { returnObjects: true }) as Record<string, string>;
    return Object.values(labels).join(t('registries:template.separator'));
  }
  if (spec.type === 'active') {
    return t('registries:template.activeHelp', {
      active: t('registries:activeLabels.active'),
      inactive: t('registries:activeLabels.inactive'),
    });
  }
  return t(`registries:template.help.${kind}.${spec.key}`, { defaultValue: '' });
}

/**
 * The sheet of a workbook that holds this registry: one named after it (in either
 * language), else the first whose header the registry recognises, else the first.
 */
export function chooseSheet(kind: RegistryKind, file: TableFile, names: string[], snapshot: RegistrySnapshot): number {
  const wanted = new Set(names.map(normalizeName));
  const named = file.sheets.findIndex((s) => wanted.has(normalizeName(s.name)));
  if (named >= 0) return named;
  const options = { newId: () => 'probe', now: new Date().toISOString() };
  const readable = file.sheets.findIndex(
    (s: Sheet) => planImport(kind, { ...s, rows: s.rows.slice(0, 6) }, snapshot, options).fileProblems.length === 0,
  );
  return Math.max(readable, 0);
}
