import type { Period } from '../../db/results/dashboard';
import { monthEnd } from './options';

export const PERIODS = ['all', 'year', 'last12', 'lastYear'] as const;
export type PeriodKey = (typeof PERIODS)[number];

export function isPeriodKey(value: string | null): value is PeriodKey {
  return (PERIODS as readonly string[]).includes(value ?? '');
}

/** Whole months of registration for a period choice, as of `today`. */
export function periodFor(key: PeriodKey, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (key) {
    case 'all':
      return {};
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'last12': {
      const startMonth = month === 12 ? 1 : month + 1;
      const startYear = month === 12 ? year : year - 1;
      return {
        from: `${startYear}-${String(startMonth).padStart(2, '0')}-01`,
        to: monthEnd(today.slice(0, 7)),
      };
    }
  }
}
