import type { ClueDraftInput } from '../clues/clue';
import { translate } from '../i18n';
import type { EnterpriseInspection, InspectionFlag } from './inspections';

/**
 * A flag's identity across recomputations: the kind, the enterprise, what it is about
 * and its first inspection. A later inspection joining the cluster keeps the key, so a
 * flag already turned into a clue stays marked as such.
 */
export function flagKey(flag: InspectionFlag): string {
  const about = flag.kind === 'over_frequent' ? flag.field : flag.kind === 'not_joint' ? 'joint' : flag.category;
  return `${flag.kind}:${flag.creditCode}:${about}:${flag.inspectionIds[0] ?? ''}`;
}

const fieldZh = (field: string) => translate('zh-CN', `common.fields.${field}`);
const ARBITRARY_ZH = { fees: '乱收费', fines: '乱罚款', inspections: '乱检查', seizures: '乱查封' } as const;
const zhDate = (d: string) => d.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日');

/** The flag in one line, in Chinese (it becomes a clue's title, an official record). */
export function flagTitleZh(flag: InspectionFlag): string {
  switch (flag.kind) {
    case 'over_frequent':
      return `${flag.enterpriseName}在${zhDate(flag.from)}至${zhDate(flag.to)}期间被${fieldZh(flag.field)}领域检查${flag.count}次`;
    case 'not_joint':
      return `${flag.enterpriseName}在${zhDate(flag.from)}至${zhDate(flag.to)}期间被${flag.fields.map(fieldZh).join('、')}等${flag.fields.length}个领域分别检查，未实行联合检查`;
    case 'arbitrary':
      return `${flag.enterpriseName}反映涉企执法存在${ARBITRARY_ZH[flag.category]}问题`;
  }
}

/**
 * The clue a flag becomes with one action: the enterprise, the inspecting subjects and
 * the inspections themselves, found by the office's own analysis (自行发现).
 */
export function clueDraftFromFlag(
  flag: InspectionFlag,
  inspections: readonly EnterpriseInspection[],
  subjectNames: ReadonlyMap<string, string>,
  receivedOn: string,
): ClueDraftInput {
  const byId = new Map(inspections.map((i) => [i.id, i]));
  const involved = flag.inspectionIds
    .map((id) => byId.get(id))
    .filter((i): i is EnterpriseInspection => !!i)
    .sort((a, b) => a.date.localeCompare(b.date));
  const lines = involved.map(
    (i, k) =>
      `${k + 1}. ${zhDate(i.date)}，${subjectNames.get(i.subjectId) ?? i.subjectId}，${i.purpose}${i.joint ? '（联合检查）' : ''}`,
  );
  const title = flagTitleZh(flag);
  return {
    source: 'self_found',
    receivedOn,
    title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
    content: `${title}。涉企检查记录如下：\n${lines.join('\n')}`.slice(0, 5000),
    subjectIds: [...new Set(involved.map((i) => i.subjectId))].slice(0, 50),
    supervisedOrganIds: [],
    enterpriseName: flag.enterpriseName,
    creditCode: flag.creditCode,
    proposedKind: 'enterprise',
    priority: flag.kind === 'arbitrary' ? 'high' : 'normal',
    similarIds: [],
    origin: { kind: 'inspection_flag', flagKey: flagKey(flag), inspectionIds: flag.inspectionIds.slice(0, 200) },
  };
}
