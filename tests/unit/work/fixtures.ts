import { DEFAULT_HOLIDAY_YEARS, WorkingCalendar } from '../../../shared/calendar';
import { type ClueContext, DEFAULT_CLUE_SETTINGS } from '../../../shared/clues/assessment';
import type { Clue } from '../../../shared/clues/clue';

export const calendar = new WorkingCalendar(DEFAULT_HOLIDAY_YEARS);

export function clueContext(overrides: Partial<ClueContext> = {}): ClueContext {
  return {
    today: '2026-11-27',
    now: '2026-11-27T09:30:00.000+08:00',
    actor: '李明',
    calendar,
    settings: DEFAULT_CLUE_SETTINGS,
    ...overrides,
  };
}

export function clue(overrides: Partial<Clue> = {}): Clue {
  return {
    id: 'c-1',
    number: '青司线〔2026〕1号',
    source: 'hotline_12345',
    receivedOn: '2026-11-02',
    title: '群众反映青山县市场监督管理局对小餐馆顶格罚款',
    content: '市民张三丰来电反映，县市场监管局对一家小餐馆首次违法即顶格罚款五万元，未说明理由。',
    subjectIds: ['s-market'],
    supervisedOrganIds: [],
    reporter: { anonymous: false, name: '张三丰', phone: '13812345678', contact: '青山县城关镇幸福路8号' },
    proposedKind: 'clue',
    priority: 'normal',
    status: 'pending',
    assessDue: '2026-11-16',
    similarIds: [],
    createdBy: '李明',
    createdAt: '2026-11-02T09:00:00.000+08:00',
    updatedAt: '2026-11-02T09:00:00.000+08:00',
    version: 1,
    ...overrides,
  };
}
