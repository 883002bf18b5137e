import { isIsoDate } from './dates';
import { type CalendarDay, FESTIVALS, type Festival, type HolidayYear, holidayYearSchema } from './holidays';

export interface CalendarImportIssue {
  line: number;
  /** Catalogue key under dossiers:calendar.import. */
  problem: 'format' | 'date' | 'kind' | 'otherYear' | 'duplicate' | 'empty';
}

const HOLIDAY_WORDS = new Set(['holiday', 'off', '休', '假', '放假']);
const WORKDAY_WORDS = new Set(['workday', 'work', '班', '上班']);
const FESTIVAL_WORDS: Record<string, Festival> = {
  元旦: 'new_year',
  春节: 'spring_festival',
  清明: 'qingming',
  清明节: 'qingming',
  劳动节: 'labour_day',
  五一: 'labour_day',
  端午: 'dragon_boat',
  端午节: 'dragon_boat',
  中秋: 'mid_autumn',
  中秋节: 'mid_autumn',
  国庆: 'national_day',
  国庆节: 'national_day',
};

function festivalOf(word: string | undefined): Festival {
  if (!word) return 'other';
  if ((FESTIVALS as readonly string[]).includes(word)) return word as Festival;
  return FESTIVAL_WORDS[word] ?? 'other';
}

function readLine(
  line: string,
  year: number,
  seen: Set<string>,
  days: CalendarDay[],
): CalendarImportIssue['problem'] | null {
  const [date, kindWord, festivalWord] = line.split(/[\s,，\t]+/);
  if (!date || !kindWord) return 'format';
  if (!isIsoDate(date)) return 'date';
  if (Number(date.slice(0, 4)) !== year) return 'otherYear';
  const word = kindWord.toLowerCase();
  const kind = HOLIDAY_WORDS.has(word) ? 'holiday' : WORKDAY_WORDS.has(word) ? 'workday' : null;
  if (!kind) return 'kind';
  if (seen.has(date)) return 'duplicate';
  seen.add(date);
  days.push({ date, kind, festival: festivalOf(festivalWord) });
  return null;
}

/**
 * Reads a year's arrangement typed or pasted by the clerk, one day per line:
 * `2028-01-01,休,元旦` or `2028-02-12 班 春节` (separators: comma, tab, space).
 * Blank lines and lines starting with # are skipped. Either every line is valid and
 * the year is returned, or the problems are, by line.
 */
export function parseCalendarText(
  text: string,
  year: number,
): { ok: true; year: HolidayYear } | { ok: false; issues: CalendarImportIssue[] } {
  const issues: CalendarImportIssue[] = [];
  const days: CalendarDay[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const problem = readLine(line, year, seen, days);
    if (problem) issues.push({ line: index + 1, problem });
  });
  if (issues.length === 0 && days.length === 0) issues.push({ line: 0, problem: 'empty' });
  if (issues.length > 0) return { ok: false, issues };
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { ok: true, year: holidayYearSchema.parse({ year, source: 'clerk', reference: '', days }) };
}

const FESTIVAL_LABEL_ZH: Record<Festival, string> = {
  new_year: '元旦',
  spring_festival: '春节',
  qingming: '清明节',
  labour_day: '劳动节',
  dragon_boat: '端午节',
  mid_autumn: '中秋节',
  national_day: '国庆节',
  other: '其他',
};

/** The inverse of parseCalendarText, for editing a year as text. */
export function formatCalendarText(year: HolidayYear): string {
  return year.days
    .map((day) => `${day.date},${day.kind === 'holiday' ? '休' : '班'},${FESTIVAL_LABEL_ZH[day.festival]}`)
    .join('\n');
}
