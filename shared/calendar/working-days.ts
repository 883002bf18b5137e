import { addDays, fromDayNumber, toDayNumber, yearOf } from './dates';
import type { HolidayYear } from './holidays';

/**
 * Working-day arithmetic over the holiday calendar. A day is a working day when it is
 * a weekday that is not a holiday, or a weekend day declared a working day (调休上班).
 * Years without data count weekends only; `knows(year)` lets callers warn about them.
 */
export class WorkingCalendar {
  /** Day numbers (days since 1970-01-01) that break the weekday rule, either way. */
  private readonly holidays = new Set<number>();
  private readonly workdays = new Set<number>();
  private readonly years = new Set<number>();

  constructor(years: readonly HolidayYear[]) {
    for (const year of years) {
      this.years.add(year.year);
      for (const day of year.days) (day.kind === 'holiday' ? this.holidays : this.workdays).add(toDayNumber(day.date));
    }
  }

  knows(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  isWorkingDayNumber(day: number): boolean {
    if (this.holidays.has(day)) return false;
    if (this.workdays.has(day)) return true;
    const weekdayIndex = (((day + 4) % 7) + 7) % 7;
    return weekdayIndex !== 0 && weekdayIndex !== 6;
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: string): string {
    let day = toDayNumber(date);
    while (!this.isWorkingDayNumber(day)) day++;
    return fromDayNumber(day);
  }

  /**
   * The n-th working day after `from` (the starting day itself is not counted, as
   * procedural periods are counted in Chinese law).
   */
  addWorkingDays(from: string, n: number): string {
    let day = toDayNumber(from);
    let left = n;
    while (left > 0) {
      day++;
      if (this.isWorkingDayNumber(day)) left--;
    }
    return fromDayNumber(day);
  }

  /** Working days after `from` up to and including `to` (0 when to ≤ from). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    const end = toDayNumber(to);
    for (let day = toDayNumber(from) + 1; day <= end; day++) {
      if (this.isWorkingDayNumber(day)) count++;
    }
    return count;
  }

  /** Years a period from `from` to `to` touches that the calendar has no data for. */
  missingYears(from: string, to: string): number[] {
    const missing: number[] = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) if (!this.knows(y)) missing.push(y);
    return missing;
  }
}

export type DeadlineUnit = 'calendar' | 'working';

/**
 * The due date of a period of `days` from `from`. Calendar-day periods that end on a
 * day off run to the next working day (期间届满的最后一日是法定节假日的，以节假日后的第一日
 * 为期间届满的日期); working-day periods end on a working day by construction.
 */
export function dueDate(calendar: WorkingCalendar, from: string, days: number, unit: DeadlineUnit): string {
  if (unit === 'working') return calendar.addWorkingDays(from, days);
  return calendar.nextWorkingDay(addDays(from, days));
}
