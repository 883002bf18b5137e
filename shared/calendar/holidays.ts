import { z } from '../zod-setup';
import { isIsoDate } from './dates';

/**
 * The official holiday arrangement (放假调休安排) of one year, as data: the days off
 * (放假) and the weekend days that are working days instead (调休上班). The State
 * Council publishes it each November for the next year, so the clerk can add or
 * correct a year without a software update.
 */
export const FESTIVALS = [
  'new_year', // 元旦
  'spring_festival', // 春节
  'qingming', // 清明节
  'labour_day', // 劳动节
  'dragon_boat', // 端午节
  'mid_autumn', // 中秋节
  'national_day', // 国庆节
  'other',
] as const;
export type Festival = (typeof FESTIVALS)[number];

export const calendarDaySchema = z.object({
  date: z.string().refine(isIsoDate, { message: 'date' }),
  /** holiday: a day off even if it is a weekday; workday: a weekend day that is worked. */
  kind: z.enum(['holiday', 'workday']),
  festival: z.enum(FESTIVALS),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

/**
 * official: transcribed from the State Council notice; provisional: projected from the
 * holiday rules before the notice is known (make-up working days missing); clerk: entered
 * or imported by the office.
 */
export const CALENDAR_SOURCES = ['official', 'provisional', 'clerk'] as const;

export const holidayYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: z.enum(CALENDAR_SOURCES),
    /** The notice the days come from, e.g. 国办发明电〔2024〕12号. */
    reference: z.string().max(200).default(''),
    days: z.array(calendarDaySchema).max(80),
  })
  .superRefine((year, ctx) => {
    const seen = new Set<string>();
    year.days.forEach((day, index) => {
      if (Number(day.date.slice(0, 4)) !== year.year) {
        ctx.addIssue({ code: 'custom', path: ['days', index, 'date'], message: 'calendar.otherYear' });
      }
      if (seen.has(day.date))
        ctx.addIssue({ code: 'custom', path: ['days', index, 'date'], message: 'calendar.duplicate' });
      seen.add(day.date);
    });
  });
export type HolidayYear = z.infer<typeof holidayYearSchema>;

function span(from: string, to: string, festival: Festival): CalendarDay[] {
  const days: CalendarDay[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = start; t <= end; t += 86_400_000) {
    days.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'holiday', festival });
  }
  return days;
}

const work = (date: string, festival: Festival): CalendarDay => ({ date, kind: 'workday', festival });

/**
 * Defaults shipped with the app. 2025 and 2026 follow the State Council notices; 2027's
 * notice is not in this release, so its days off are projected from the rules of the
 * 2024 revision of 《全国年节及纪念日放假办法》 (Spring Festival 8 days from New Year's
 * Eve, National Day 7, Labour Day 5, the others 3 or only the day itself on a
 * Wednesday) and its make-up working days are left for the clerk to import.
 */
export const DEFAULT_HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2025,
    source: 'official',
    reference: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    days: [
      ...span('2025-01-01', '2025-01-01', 'new_year'),
      work('2025-01-26', 'spring_festival'),
      ...span('2025-01-28', '2025-02-04', 'spring_festival'),
      work('2025-02-08', 'spring_festival'),
      ...span('2025-04-04', '2025-04-06', 'qingming'),
      work('2025-04-27', 'labour_day'),
      ...span('2025-05-01', '2025-05-05', 'labour_day'),
      ...span('2025-05-31', '2025-06-02', 'dragon_boat'),
      work('2025-09-28', 'national_day'),
      ...span('2025-10-01', '2025-10-08', 'national_day'),
      work('2025-10-11', 'national_day'),
    ],
  },
  {
    year: 2026,
    source: 'official',
    reference: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    days: [
      ...span('2026-01-01', '2026-01-03', 'new_year'),
      work('2026-01-04', 'new_year'),
      work('2026-02-14', 'spring_festival'),
      ...span('2026-02-15', '2026-02-23', 'spring_festival'),
      work('2026-02-28', 'spring_festival'),
      ...span('2026-04-04', '2026-04-06', 'qingming'),
      ...span('2026-05-01', '2026-05-05', 'labour_day'),
      work('2026-05-09', 'labour_day'),
      ...span('2026-06-19', '2026-06-21', 'dragon_boat'),
      work('2026-09-20', 'national_day'),
      ...span('2026-09-25', '2026-09-27', 'mid_autumn'),
      ...span('2026-10-01', '2026-10-07', 'national_day'),
      work('2026-10-10', 'national_day'),
    ],
  },
  {
    year: 2027,
    source: 'provisional',
    reference: '依据《全国年节及纪念日放假办法》（2024年修订）及调休原则推算，待国务院办公厅通知发布后导入',
    days: [
      ...span('2027-01-01', '2027-01-03', 'new_year'),
      ...span('2027-02-05', '2027-02-12', 'spring_festival'),
      ...span('2027-04-03', '2027-04-05', 'qingming'),
      ...span('2027-05-01', '2027-05-05', 'labour_day'),
      ...span('2027-06-09', '2027-06-09', 'dragon_boat'),
      ...span('2027-09-15', '2027-09-15', 'mid_autumn'),
      ...span('2027-10-01', '2027-10-07', 'national_day'),
    ],
  },
];
