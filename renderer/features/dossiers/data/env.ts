import { DEFAULT_HOLIDAY_YEARS, type HolidayYear, holidayYearSchema } from '../../../../shared/calendar/holidays';
import { WorkingCalendar } from '../../../../shared/calendar/working-days';
import { DEFAULT_WORKFLOW_SETTINGS, type WorkflowSettings } from '../../../../shared/workflow/settings';
import type { DeskDatabase } from '../../../db/database';

/**
 * The holiday calendar: the years shipped with the app, each replaced by the office's
 * own version once the clerk edits or imports it.
 */
export async function loadHolidayYears(db: DeskDatabase): Promise<HolidayYear[]> {
  const stored = await db.calendars.toArray();
  const byYear = new Map<number, HolidayYear>(DEFAULT_HOLIDAY_YEARS.map((y) => [y.year, y]));
  for (const year of stored) {
    const parsed = holidayYearSchema.safeParse(year);
    if (parsed.success) byYear.set(parsed.data.year, parsed.data);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export async function saveHolidayYear(db: DeskDatabase, year: HolidayYear): Promise<void> {
  await db.calendars.put(holidayYearSchema.parse(year));
  calendarCache = undefined;
}

/** Drops the office's version of a year, so the shipped one (if any) applies again. */
export async function resetHolidayYear(db: DeskDatabase, year: number): Promise<void> {
  await db.calendars.delete(year);
  calendarCache = undefined;
}

let calendarCache: Promise<WorkingCalendar> | undefined;

export function loadCalendar(db: DeskDatabase): Promise<WorkingCalendar> {
  calendarCache ??= loadHolidayYears(db).then((years) => new WorkingCalendar(years));
  return calendarCache;
}

const SETTING_KEYS = [
  'minHandlers',
  'reviewWindowWorkingDays',
  'reviewDecisionWorkingDays',
  'referralReplyWorkingDays',
  'defaultRectificationDays',
] as const;
export type NumericSetting = (typeof SETTING_KEYS)[number];
export const NUMERIC_SETTINGS = SETTING_KEYS;

/** Procedure figures the office has set, over the defaults. */
export async function loadWorkflowSettings(db: DeskDatabase): Promise<WorkflowSettings> {
  const rows = await db.meta.bulkGet(SETTING_KEYS.map((k) => `workflow:${k}`));
  const settings: WorkflowSettings = { ...DEFAULT_WORKFLOW_SETTINGS };
  SETTING_KEYS.forEach((key, i) => {
    const v = rows[i]?.v;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) settings[key] = v;
  });
  return settings;
}

export async function saveWorkflowSettings(db: DeskDatabase, settings: Pick<WorkflowSettings, NumericSetting>) {
  await db.meta.bulkPut(SETTING_KEYS.map((k) => ({ k: `workflow:${k}`, v: settings[k] })));
}

const CLERK_KEY = 'desk.clerk';

/** The person using this computer, who signs timeline entries. */
export function clerkName(): string {
  return localStorage.getItem(CLERK_KEY)?.trim() ?? '';
}

export function setClerkName(name: string): void {
  localStorage.setItem(CLERK_KEY, name.trim());
}
