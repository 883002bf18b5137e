import type { RegistryKind } from '../domain/registry';

/**
 * The spreadsheet columns of each registry, in the order templates and exports use.
 * Headers come from the `registries.columns` catalogue in both languages, so a sheet
 * written in either language (or with the aliases clerks commonly use) imports.
 */
export interface ColumnSpec {
  key: string;
  required: boolean;
  /** How a cell turns into a value: plain text, one of an enum's labels, a yes/no, a name. */
  type: 'text' | 'enum' | 'active' | 'reference';
  /** For enums: the catalogue node holding the labels, e.g. "common.levels". */
  labels?: string;
  /** Extra header spellings seen in offices' own spreadsheets. */
  aliases?: readonly string[];
  /** Column width in an exported sheet, in characters. */
  width: number;
}

export const REGISTRY_COLUMNS: Record<RegistryKind, readonly ColumnSpec[]> = {
  organs: [
    { key: 'name', required: true, type: 'text', aliases: ['名称', '单位名称', '机关全称'], width: 30 },
    { key: 'shortName', required: true, type: 'text', aliases: ['机关简称'], width: 12 },
    { key: 'level', required: true, type: 'enum', labels: 'common.levels', aliases: ['级别', '层级'], width: 10 },
    {
      key: 'kind',
      required: true,
      type: 'enum',
      labels: 'common.organKinds',
      aliases: ['类别', '机关类型'],
      width: 16,
    },
    { key: 'field', required: false, type: 'enum', labels: 'common.fields', aliases: ['领域', '行业领域'], width: 14 },
    { key: 'divisionCode', required: true, type: 'text', aliases: ['区划代码', '行政区划'], width: 12 },
    { key: 'parent', required: false, type: 'reference', aliases: ['上级机关名称', '上级单位', '上级'], width: 30 },
    { key: 'active', required: false, type: 'active', aliases: ['是否在用'], width: 8 },
  ],
  subjects: [
    { key: 'name', required: true, type: 'text', aliases: ['名称', '主体名称', '单位名称'], width: 30 },
    {
      key: 'type',
      required: true,
      type: 'enum',
      labels: 'registries.subjectTypes',
      aliases: ['类型', '主体性质', '执法主体类型'],
      width: 16,
    },
    { key: 'field', required: true, type: 'enum', labels: 'common.fields', aliases: ['领域', '行业领域'], width: 14 },
    { key: 'legalBasis', required: true, type: 'text', aliases: ['依据', '法律依据', '设立依据'], width: 40 },
    { key: 'organ', required: true, type: 'reference', aliases: ['所属机关名称', '主管机关', '机关'], width: 30 },
    { key: 'creditCode', required: false, type: 'text', aliases: ['信用代码', '社会信用代码'], width: 22 },
    { key: 'active', required: false, type: 'active', aliases: ['是否在用'], width: 8 },
  ],
  officers: [
    { key: 'name', required: true, type: 'text', aliases: ['执法人员', '人员姓名'], width: 12 },
    { key: 'certificateNo', required: true, type: 'text', aliases: ['证号', '执法证件号', '执法证编号'], width: 22 },
    { key: 'subject', required: true, type: 'reference', aliases: ['执法主体', '所在单位', '单位'], width: 30 },
    {
      key: 'status',
      required: false,
      type: 'enum',
      labels: 'registries.officerStatuses',
      aliases: ['证件状态', '执法证状态'],
      width: 10,
    },
    { key: 'active', required: false, type: 'active', aliases: ['是否在用'], width: 8 },
  ],
  supervisors: [
    { key: 'name', required: true, type: 'text', aliases: ['监督员', '监督员姓名'], width: 12 },
    { key: 'supervisionIdNo', required: true, type: 'text', aliases: ['证号', '监督证编号', '监督证件号'], width: 22 },
    { key: 'organ', required: true, type: 'reference', aliases: ['所属机关名称', '所在单位', '单位'], width: 30 },
    { key: 'active', required: false, type: 'active', aliases: ['是否在用'], width: 8 },
  ],
};

/** Which record field a column fills (reference columns fill an id). */
export const COLUMN_FIELD: Record<string, string> = { parent: 'parentId', organ: 'organId', subject: 'subjectId' };
export const FIELD_COLUMN: Record<string, string> = { parentId: 'parent', organId: 'organ', subjectId: 'subject' };

/**
 * Names are compared the way a clerk reads them: width variants folded (NFKC turns
 * full-width brackets and letters into their ASCII forms), spaces ignored, case folded.
 */
export function normalizeName(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Header cells compared loosely: "* 机关名称（必填）" matches "机关名称". */
export function normalizeHeader(value: string): string {
  return normalizeName(value)
    .replace(/^\*+|\*+$/g, '')
    .replace(/\((必填|选填|required|optional)\)$/, '');
}
