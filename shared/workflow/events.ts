import type { ActionName } from './machine';

/** Timeline entries that are not workflow transitions. */
export const RECORD_EVENT_TYPES = [
  'registered', // 登记
  'edited', // 修改案卷信息
  'finding_added', // 新增问题
  'finding_edited', // 修改问题
  'imported', // 从数据包接收
] as const;
export type RecordEventType = (typeof RECORD_EVENT_TYPES)[number];

export type TimelineEventType = ActionName | RecordEventType;
