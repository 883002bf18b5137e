import type { ActionName } from './machine';

/** Timeline entries that are not workflow transitions. */
export const RECORD_EVENT_TYPES = [
  'registered', // 登记
  'edited', // 修改案卷信息
  'finding_added', // 新增问题
  'finding_edited', // 修改问题
  'imported', // 从数据包接收
  'document_issued', // 文书签发
  'evidence_added', // 添加证据材料
  'evidence_removed', // 移除证据材料
] as const;
export type RecordEventType = (typeof RECORD_EVENT_TYPES)[number];

export type TimelineEventType = ActionName | RecordEventType;
