import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOLIDAY_YEARS,
  dueDate,
  formatCalendarText,
  holidayYearSchema,
  parseCalendarText,
  WorkingCalendar,
  weekday,
} from '../../../shared/calendar';

const calendar = new WorkingCalendar(DEFAULT_HOLIDAY_YEARS);

describe('holiday calendar data', () => {
  it('matches the 2026 notice: Spring Festival 15–23 Feb off, 14 and 28 Feb worked', () => {
    for (let d = 15; d <= 23; d++) expect(calendar.isWorkingDay(`2026-02-${d}`), `02-${d}`).toBe(false);
    expect(weekday('2026-02-14')).toBe(6);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true); // Sunday after New Year
    expect(calendar.isWorkingDay('2026-05-09')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
  });

  it('matches the 2025 notice, with its two extra statutory days', () => {
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false); // New Year's Eve is now a holiday
    expect(calendar.isWorkingDay('2025-02-04')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2025-05-05')).toBe(false);
    expect(calendar.isWorkingDay('2025-04-27')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
  });

  it('ships 2027 as provisional, its days off projected and its make-up days left to import', () => {
    const y2027 = DEFAULT_HOLIDAY_YEARS.find((y) => y.year === 2027);
    expect(y2027?.source).toBe('provisional');
    expect(calendar.isWorkingDay('2027-02-05')).toBe(false); // New Year's Eve, a Friday
    expect(calendar.isWorkingDay('2027-02-12')).toBe(false);
    expect(calendar.isWorkingDay('2027-06-09')).toBe(false); // Dragon Boat on a Wednesday: that day only
    expect(calendar.isWorkingDay('2027-06-10')).toBe(true);
    expect(y2027?.days.every((d) => d.kind === 'holiday')).toBe(true);
  });

  it('every shipped year passes its own schema: dates in the year, no duplicates', () => {
    for (const year of DEFAULT_HOLIDAY_YEARS) expect(holidayYearSchema.safeParse(year).success).toBe(true);
  });
});

describe('working-day arithmetic', () => {
  it('counts a make-up Saturday and skips the whole holiday', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('does not count the starting day', () => {
    expect(calendar.addWorkingDays('2026-11-23', 5)).toBe('2026-11-30'); // Mon + 5 → next Mon
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-30')).toBe(5);
    expect(calendar.workingDaysBetween('2026-11-30', '2026-11-23')).toBe(0);
  });

  it('moves a calendar-day deadline that ends on a day off to the next working day', () => {
    expect(dueDate(calendar, '2026-01-15', 30, 'calendar')).toBe('2026-02-14'); // make-up Saturday: stays
    expect(dueDate(calendar, '2026-01-16', 30, 'calendar')).toBe('2026-02-24'); // 15 Feb is off
    expect(dueDate(calendar, '2026-11-02', 5, 'calendar')).toBe('2026-11-09'); // Saturday → Monday
    // 20 Sep (a Sunday) is worked before Mid-Autumn: ten working days from 11 Sep end on 24 Sep.
    expect(dueDate(calendar, '2026-09-11', 10, 'working')).toBe('2026-09-24');
  });

  it('counts weekends only in years it has no data for, and says so', () => {
    expect(calendar.knows(2028)).toBe(false);
    expect(calendar.missingYears('2027-12-01', '2028-02-01')).toEqual([2028]);
    expect(calendar.addWorkingDays('2028-01-07', 1)).toBe('2028-01-10');
  });
});

describe('calendar import', () => {
  it('reads a year typed from the notice', () => {
    const result = parseCalendarText(
      '# 2028\n2028-01-01,休,元旦\n2028-01-29 班 春节\n\n2028-01-28\tholiday\tspring_festival',
      2028,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.year.source).toBe('clerk');
    expect(result.year.days.map((d) => d.date)).toEqual(['2028-01-01', '2028-01-28', '2028-01-29']);
    const cal = new WorkingCalendar([result.year]);
    expect(cal.isWorkingDay('2028-01-29')).toBe(true); // a Saturday declared worked
    expect(cal.isWorkingDay('2028-01-28')).toBe(false);
  });

  it('names each bad line and keeps nothing', () => {
    const result = parseCalendarText(
      '2028-01-01,休\n2028-02-30,休\n2027-12-31,休\n2028-03-01,maybe\n2028-01-01,班\nnonsense',
      2028,
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        { line: 2, problem: 'date' },
        { line: 3, problem: 'otherYear' },
        { line: 4, problem: 'kind' },
        { line: 5, problem: 'duplicate' },
        { line: 6, problem: 'format' },
      ],
    });
    expect(parseCalendarText('\n# only a comment\n', 2028)).toEqual({
      ok: false,
      issues: [{ line: 0, problem: 'empty' }],
    });
  });

  it('round-trips a year through its text form', () => {
    const y2026 = DEFAULT_HOLIDAY_YEARS.find((y) => y.year === 2026);
    if (!y2026) throw new Error('2026 missing');
    const again = parseCalendarText(formatCalendarText(y2026), 2026);
    expect(again.ok && again.year.days).toEqual(y2026.days);
  });
});
