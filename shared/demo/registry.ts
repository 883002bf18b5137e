import type { EnforcementField, OrganKind, OrganLevel } from '../domain/office';
import type { EnforcementSubject, Organ, SubjectType, Supervisor } from '../domain/registry';
import { Prng } from './prng';

/**
 * A fictional province with four levels of organs, the enforcement subjects under them
 * and the office's supervisors — the registries a demo needs. Names follow real
 * naming practice; places and people are invented.
 */

const PROVINCE = { name: '浙东省', code: '330000', short: '浙' };

const CITIES = [
  { name: '江州市', short: '江', counties: ['上城区', '临江区', '青山县', '西湖区', '桐溪县', '安平县', '凤鸣县'] },
  { name: '明州市', short: '明', counties: ['海曙区', '江北区', '北仑区', '象山县', '宁溪县', '奉川县'] },
  { name: '东瓯市', short: '瓯', counties: ['鹿城区', '龙湾区', '瑞安县', '乐清县', '永嘉县', '平阳县'] },
  { name: '禾城市', short: '禾', counties: ['南湖区', '秀洲区', '嘉善县', '海盐县', '桐乡县'] },
  { name: '苕溪市', short: '苕', counties: ['吴兴区', '南浔区', '德清县', '长兴县', '安吉县'] },
  { name: '越州市', short: '越', counties: ['越城区', '柯桥区', '上虞区', '新昌县', '诸暨县', '嵊溪县'] },
  { name: '婺州市', short: '婺', counties: ['婺城区', '金东区', '武义县', '浦江县', '磐安县', '兰溪县'] },
  { name: '信安市', short: '信', counties: ['柯城区', '衢江区', '常山县', '开化县', '龙游县'] },
] as const;

const TOWNSHIPS = ['城关镇', '新塘街道', '白沙镇', '石门乡', '清溪镇', '桃源街道', '柳湾镇', '云岭乡'];

/** Departments every city and county has: name, short form for numbers, field, subject. */
const DEPARTMENTS: readonly {
  name: string;
  short: string;
  field: EnforcementField;
  subject: string;
  subjectType: SubjectType;
  basis: string;
}[] = [
  {
    name: '市场监督管理局',
    short: '市监',
    field: 'market_regulation',
    subject: '市场监督管理局',
    subjectType: 'statutory',
    basis: '《中华人民共和国行政处罚法》《市场监督管理行政处罚程序规定》',
  },
  {
    name: '综合行政执法局',
    short: '综执',
    field: 'urban_management',
    subject: '综合行政执法局',
    subjectType: 'statutory',
    basis: '《浙东省综合行政执法条例》',
  },
  {
    name: '交通运输局',
    short: '交',
    field: 'transport',
    subject: '交通运输综合行政执法大队',
    subjectType: 'authorised',
    basis: '《中华人民共和国道路运输条例》',
  },
  {
    name: '生态环境分局',
    short: '环',
    field: 'ecology_environment',
    subject: '生态环境保护综合行政执法队',
    subjectType: 'authorised',
    basis: '《中华人民共和国环境保护法》',
  },
  {
    name: '文化和旅游局',
    short: '文旅',
    field: 'culture_tourism',
    subject: '文化市场综合行政执法队',
    subjectType: 'authorised',
    basis: '《娱乐场所管理条例》《互联网上网服务营业场所管理条例》',
  },
  {
    name: '农业农村局',
    short: '农',
    field: 'agriculture_rural',
    subject: '农业综合行政执法大队',
    subjectType: 'authorised',
    basis: '《中华人民共和国农产品质量安全法》《农药管理条例》',
  },
  {
    name: '应急管理局',
    short: '应急',
    field: 'emergency_management',
    subject: '应急管理综合行政执法大队',
    subjectType: 'authorised',
    basis: '《中华人民共和国安全生产法》',
  },
  {
    name: '卫生健康局',
    short: '卫健',
    field: 'health',
    subject: '卫生健康综合监督执法队',
    subjectType: 'authorised',
    basis: '《中华人民共和国基本医疗卫生与健康促进法》',
  },
  {
    name: '自然资源和规划局',
    short: '资规',
    field: 'natural_resources',
    subject: '自然资源和规划局',
    subjectType: 'statutory',
    basis: '《中华人民共和国土地管理法》',
  },
];

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '明',
  '华',
  '强',
  '伟',
  '芳',
  '敏',
  '静',
  '丽',
  '军',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '超',
  '霞',
  '平',
  '刚',
  '建国',
  '海燕',
  '晓东',
  '文博',
  '雅琴',
  '志远',
  '思源',
  '子涵',
  '浩然',
  '欣怡',
  '俊杰',
  '婉婷',
  '立新',
  '国庆',
  '春华',
  '秋菊',
];

export function personName(rng: Prng): string {
  return rng.pick([...SURNAMES]) + rng.pick(GIVEN);
}

export interface DemoRegistry {
  organs: Organ[];
  subjects: EnforcementSubject[];
  supervisors: Supervisor[];
  /** Judicial bureaus other than the office: senders of received dossiers. */
  judicialOrgans: Organ[];
}

/** The id the office's own organ goes by in dossiers (it is not a registry record). */
export const OFFICE_ORGAN_ID = 'office';

export function generateRegistry(options: {
  seed: number;
  at: string;
  officeDivisionCode: string;
  supervisors?: number;
}): DemoRegistry {
  const rng = new Prng(options.seed, 0x5e6157);
  const prefix = `demo${options.seed}`;
  const organs: Organ[] = [];
  const subjects: EnforcementSubject[] = [];
  const judicialOrgans: Organ[] = [];
  let organNo = 0;
  let subjectNo = 0;
  const organ = (
    name: string,
    shortName: string,
    level: OrganLevel,
    kind: OrganKind,
    divisionCode: string,
    parentId?: string,
    field?: EnforcementField,
  ): Organ => {
    const record: Organ = {
      id: `${prefix}-o${organNo++}`,
      name,
      shortName: shortName.slice(0, 12),
      level,
      kind,
      ...(field ? { field } : {}),
      divisionCode,
      ...(parentId ? { parentId } : {}),
      active: true,
      updatedAt: options.at,
    };
    organs.push(record);
    if (kind === 'judicial' && divisionCode !== options.officeDivisionCode) judicialOrgans.push(record);
    return record;
  };
  const subject = (name: string, type: SubjectType, field: EnforcementField, legalBasis: string, organId: string) => {
    subjects.push({
      id: `${prefix}-s${subjectNo++}`,
      name,
      type,
      field,
      legalBasis,
      organId,
      active: true,
      updatedAt: options.at,
    });
  };

  const provinceGov = organ(`${PROVINCE.name}人民政府`, `${PROVINCE.short}政`, 'province', 'government', PROVINCE.code);
  organ(`${PROVINCE.name}司法厅`, `${PROVINCE.short}司`, 'province', 'judicial', PROVINCE.code, provinceGov.id);
  CITIES.forEach((city, c) => {
    const cityCode = `33${String(c + 1).padStart(2, '0')}00`;
    const cityGov = organ(`${city.name}人民政府`, `${city.short}政`, 'city', 'government', cityCode, provinceGov.id);
    organ(`${city.name}司法局`, `${city.short}司`, 'city', 'judicial', cityCode, cityGov.id);
    for (const dept of DEPARTMENTS.slice(0, 4)) {
      organ(
        `${city.name}${dept.name.replace('分局', '局')}`,
        `${city.short}${dept.short}`,
        'city',
        'industry',
        cityCode,
        cityGov.id,
        dept.field,
      );
    }
    city.counties.forEach((county, k) => {
      const code = `${cityCode.slice(0, 4)}${String(k + 2).padStart(2, '0')}`;
      const short = county.charAt(0);
      const gov = organ(`${city.name}${county}人民政府`, `${short}政`, 'county', 'government', code, cityGov.id);
      organ(`${county}司法局`, `${short}司`, 'county', 'judicial', code, gov.id);
      for (const dept of DEPARTMENTS) {
        const name = dept.name === '生态环境分局' ? `${city.name}生态环境局${county}分局` : `${county}${dept.name}`;
        const dep = organ(name, `${short}${dept.short}`, 'county', 'industry', code, gov.id, dept.field);
        subject(
          dept.subject === dept.name ? name : `${county}${dept.subject}`,
          dept.subjectType,
          dept.field,
          dept.basis,
          dep.id,
        );
      }
      for (const town of rng.sample(TOWNSHIPS, 3)) {
        const townGov = organ(
          `${county}${town}人民政府`,
          `${town.charAt(0)}${town.charAt(1)}`,
          'township',
          'government',
          code,
          gov.id,
        );
        subject(
          `${county}${town}综合行政执法队`,
          'entrusted',
          'urban_management',
          '《浙东省乡镇（街道）综合行政执法事项委托决定》',
          townGov.id,
        );
      }
    });
  });

  const supervisors: Supervisor[] = [];
  const used = new Set<string>();
  for (let i = 0; i < (options.supervisors ?? 12); i++) {
    let name = personName(rng);
    while (used.has(name)) name = personName(rng);
    used.add(name);
    supervisors.push({
      id: `${prefix}-p${i}`,
      name,
      supervisionIdNo: `浙执监${options.officeDivisionCode}${String(options.seed % 100).padStart(2, '0')}${String(i + 1).padStart(3, '0')}`,
      organId: OFFICE_ORGAN_ID,
      active: true,
      updatedAt: options.at,
    });
  }
  return { organs, subjects, supervisors, judicialOrgans };
}
