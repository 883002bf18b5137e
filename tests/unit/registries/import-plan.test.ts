import { describe, expect, it } from 'vitest';
import type { EnforcementSubject, Organ } from '../../../shared/domain/registry';
import { planImport, type Sheet } from '../../../shared/registry/import-plan';
import type { RegistrySnapshot } from '../../../shared/registry/rules';

const NOW = '2026-03-01T08:00:00.000Z';
let counter = 0;
const options = { newId: () => `new-${++counter}`, now: NOW };

const organ = (id: string, name: string, extra: Partial<Organ> = {}): Organ => ({
  id,
  name,
  shortName: name.slice(0, 4),
  level: 'county',
  kind: 'government',
  divisionCode: '330104',
  active: true,
  updatedAt: NOW,
  ...extra,
});

const CITY = organ('city', '江州市人民政府', { level: 'city', divisionCode: '330100' });
const COUNTY = organ('county', '青山县人民政府', { parentId: 'city' });
const OLD = organ('old', '青山县撤并局', { active: false, kind: 'industry', field: 'other' });
const SUBJECT: EnforcementSubject = {
  id: 'subj',
  name: '青山县市场监督管理局',
  type: 'statutory',
  field: 'market_regulation',
  legalBasis: '《中华人民共和国行政处罚法》',
  organId: 'county',
  active: true,
  updatedAt: NOW,
};

const snapshot: RegistrySnapshot = {
  organs: [CITY, COUNTY, OLD],
  subjects: [SUBJECT],
  officers: [
    {
      id: 'o1',
      name: '王五',
      certificateNo: 'ZJ330104001',
      subjectId: 'subj',
      status: 'active',
      active: true,
      updatedAt: NOW,
    },
  ],
  supervisors: [],
};

const sheet = (rows: string[][]): Sheet => ({ name: 'S', rows: rows.map((cells, i) => ({ line: i + 1, cells })) });
const problemsByLine = (plan: ReturnType<typeof planImport>) =>
  Object.fromEntries(
    plan.rows.map((r) => [r.line, r.problems.map((p) => `${p.column ?? ''}:${p.key.split('.').at(-1)}`)]),
  );

describe('planImport: officers', () => {
  const header = ['姓名', '执法证号', '所属执法主体', '执法证状态'];

  it('marks each bad row with its reason and keeps the good ones', () => {
    const plan = planImport(
      'officers',
      sheet([
        header,
        ['张三', 'ZJ330104002', '青山县市场监督管理局', '有效'],
        ['李四', 'zj 330104002', '青山县市场监督管理局', ''], // same number as row 2 once normalised
        ['赵六', 'ZJ330104001', '青山县市场监督管理局', ''], // taken by 王五
        ['钱七', 'ZJ330104003', '不存在的局', ''],
        ['孙', 'ZJ330104004', '青山县市场监督管理局', '吊扣中'], // name too short, unknown status
        ['周八', 'ZJ330104005', '青山县市场监督管理局', 'suspended'],
      ]),
      snapshot,
      options,
    );
    expect(plan.fileProblems).toEqual([]);
    expect(problemsByLine(plan)).toEqual({
      2: [],
      3: ['certificateNo:duplicateInFile'],
      4: ['certificateNo:certificateTaken'],
      5: ['subject:referenceNotFound'],
      6: ['status:unknownValue', 'name:tooShort'],
      7: [],
    });
    expect(plan.rows.find((r) => r.line === 3)?.problems[0]?.params).toEqual({ line: 2 });
    expect(plan.valid.map((o) => [o.name, o.certificateNo, o.subjectId, o.status, o.active])).toEqual([
      ['张三', 'ZJ330104002', 'subj', 'active', true],
      ['周八', 'ZJ330104005', 'subj', 'suspended', true],
    ]);
  });

  it('reads English headers and values, and ignores unknown columns', () => {
    const plan = planImport(
      'officers',
      sheet([
        ['Name', 'Certificate number', 'Enforcement subject', 'Remarks'],
        ['Zhang San', 'ZJ9', '青山县市场监督管理局', 'x'],
      ]),
      snapshot,
      options,
    );
    expect(plan.ignoredColumns).toEqual(['Remarks']);
    expect(problemsByLine(plan)[2]).toEqual(['certificateNo:tooShort']);
  });

  it('refuses the whole sheet when a required column is missing', () => {
    const plan = planImport(
      'officers',
      sheet([
        ['姓名', '所属执法主体'],
        ['张三', 'x'],
      ]),
      snapshot,
      options,
    );
    expect(plan.fileProblems.map((p) => [p.column, p.key])).toEqual([
      ['certificateNo', 'registries:import.problems.missingColumn'],
    ]);
    expect(plan.valid).toEqual([]);
  });

  it('finds the header below a title row and reports a sheet without one', () => {
    const titled = planImport(
      'officers',
      sheet([['青山县执法人员名册'], header, ['张三', 'ZJ330104009', '青山县市场监督管理局', '']]),
      snapshot,
      options,
    );
    expect(titled.valid).toHaveLength(1);
    const none = planImport(
      'officers',
      sheet([
        ['a', 'b'],
        ['1', '2'],
      ]),
      snapshot,
      options,
    );
    expect(none.fileProblems[0]?.key).toBe('registries:import.problems.noHeader');
  });
});

describe('planImport: organs', () => {
  const header = ['机关名称', '机关简称', '行政级别', '机关类别', '执法领域', '行政区划代码', '上级机关'];

  it('resolves parents among existing organs and rows of the same sheet, in any order', () => {
    const plan = planImport(
      'organs',
      sheet([
        header,
        ['青山县城关镇人民政府', '城关镇', '乡镇级', '人民政府', '', '330104', '青山县人民政府'],
        ['青山县交通运输局', '县交通局', '县级', '行业主管部门', '交通运输', '330104', '青山县司法局'], // parent is row 4
        ['青山县司法局', '青司', 'county', 'judicial', '', '330104', '330100'], // parent by unique code
      ]),
      snapshot,
      options,
    );
    expect(problemsByLine(plan)).toEqual({ 2: [], 3: [], 4: [] });
    const byName = new Map(plan.valid.map((o) => [o.name, o]));
    expect(byName.get('青山县城关镇人民政府')?.parentId).toBe('county');
    expect(byName.get('青山县交通运输局')?.parentId).toBe(byName.get('青山县司法局')?.id);
    expect(byName.get('青山县司法局')?.parentId).toBe('city');
  });

  it('lets a repeated row name the parent of others without making it ambiguous', () => {
    const plan = planImport(
      'organs',
      sheet([
        header,
        ['甲县人民政府', '甲县', '县级', '人民政府', '', '330104', '江州市人民政府'],
        ['甲县交通运输局', '甲县交通', '县级', '行业主管部门', '交通运输', '330104', '甲县人民政府'],
        ['甲县人民政府', '甲县', '县级', '人民政府', '', '330104', '江州市人民政府'],
        ['江州市人民政府', '市政府', '市级', '人民政府', '', '330100', ''],
        ['乙镇', '乙镇', '乡镇级', '人民政府', '', '330104', '江州市人民政府'],
      ]),
      snapshot,
      options,
    );
    expect(problemsByLine(plan)).toEqual({
      2: [],
      3: [],
      4: ['name:duplicateInFile'],
      5: ['name:existsAlready'],
      6: [],
    });
    const byName = new Map(plan.valid.map((o) => [o.name, o]));
    expect(byName.get('甲县交通运输局')?.parentId).toBe(byName.get('甲县人民政府')?.id);
    // The registered organ answers for its name, not the sheet's repeat of it.
    expect(byName.get('乙镇')?.parentId).toBe('city');
  });

  it('spoils the children of a bad row and reports level, code, cycles and stale parents', () => {
    const plan = planImport(
      'organs',
      sheet([
        header,
        ['青山县农业农村局', '县农业局', '县级', '行业主管部门', '', '330104', ''], // no field for an industry organ
        ['青山县农机站', '农机站', '乡镇级', '人民政府', '', '330104', '青山县农业农村局'], // parent row is bad
        ['江州市交通运输局', '市交通局', '市级', '行业主管部门', '交通运输', '330104', ''], // county-shaped code
        ['甲镇', '甲镇', '乡镇级', '人民政府', '', '330104', '乙镇'],
        ['乙镇', '乙镇', '乡镇级', '人民政府', '', '330104', '甲镇'],
        ['江州市审计局', '市审计', '市级', '行业主管部门', '其他', '330100', '青山县人民政府'], // parent below
        ['丙镇', '丙镇', '乡镇级', '人民政府', '', '330104', '青山县撤并局'], // inactive parent
        ['江州市人民政府', '市政府', '市级', '人民政府', '', '330100', ''], // exists already
      ]),
      snapshot,
      options,
    );
    expect(problemsByLine(plan)).toEqual({
      2: ['field:required'],
      3: ['parent:parentRowInvalid'],
      4: ['divisionCode:level'],
      5: ['parent:parentCycle'],
      6: ['parent:parentCycle'],
      7: ['parent:parentBelow'],
      8: ['parent:referenceInactive'],
      9: ['name:existsAlready'],
    });
    expect(plan.valid).toEqual([]);
  });
});

describe('planImport: subjects and supervisors', () => {
  it('checks the credit code check character and references by name', () => {
    const plan = planImport(
      'subjects',
      sheet([
        ['执法主体名称', '主体类型', '执法领域', '法定依据', '所属机关', '统一社会信用代码', '状态'],
        [
          '青山县综合行政执法局',
          '法定行政机关',
          '城市管理',
          '《行政处罚法》',
          '青山县人民政府',
          '11330104002489305H',
          '在用',
        ],
        [
          '青山县消防救援大队',
          '法律法规授权组织',
          '应急管理',
          '《消防法》',
          '青山县人民政府',
          '11330104002489305J',
          '',
        ],
        ['青山县市场监督管理局', '法定行政机关', '市场监管', '《行政处罚法》', '青山县人民政府', '', '停用'],
        ['青山县文化市场综合执法队', '受委托组织', '文化和旅游', '委托书', '青山县撤并局', '', ''],
      ]),
      snapshot,
      options,
    );
    expect(problemsByLine(plan)).toEqual({
      2: [],
      3: ['creditCode:invalid'],
      4: ['name:nameTaken'],
      5: ['organ:referenceInactive'],
    });
    expect(plan.valid[0]).toMatchObject({
      organId: 'county',
      type: 'statutory',
      field: 'urban_management',
      active: true,
    });
  });

  it('imports supervisors with their organ and supervision ID', () => {
    const plan = planImport(
      'supervisors',
      sheet([
        ['姓名', '监督证号', '所属机关', '状态'],
        ['陈监督', 'JD-2026-001', '青山县人民政府', '停用'],
        ['林监督', 'JD-2026-001', '青山县人民政府', ''],
      ]),
      snapshot,
      options,
    );
    expect(problemsByLine(plan)).toEqual({ 2: [], 3: ['supervisionIdNo:duplicateInFile'] });
    expect(plan.valid[0]).toMatchObject({ supervisionIdNo: 'JD-2026-001', organId: 'county', active: false });
  });
});
