import { addDays, fromDayNumber, toDayNumber, weekday, yearOf } from './dates';
import type { HolidayYear } from './holidays';

/**
 * Working-day arithmetic over the holiday calendar. A day is a working day when it is
 * a weekday that is not a holiday, or a weekend day declared a working day (调休上班).
 * Years without data count weekends only; `knows(year)` lets callers warn about them.
 */
export class WorkingCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  private readonly years = new Set<number>();

  constructor(years: readonly HolidayYear[]) {
    for (const year of years) {
      this.years.add(year.year);
      for (const day of year.days) (day.kind === 'holiday' ? this.holidays : this.workdays).add(day.date);
    }
  }

  knows(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    if (this.holidays.has(date)) return false;
    if (this.workdays.has(date)) return true;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: string): string {
    let day = toDayNumber(date);
    while (!this.isWorkingDay(fromDayNumber(day))) day++;
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
      if (this.isWorkingDay(fromDayNumber(day))) left--;
    }
    return fromDayNumber(day);
  }

  /** Working days after `from` up to and including `to` (0 when to ≤ from). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = toDayNumber(from) + 1; day <= toDayNumber(to); day++) {
      if (this.isWorkingDay(fromDayNumber(day))) count++;
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
