/** One figure in tests/bench/results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export interface BenchSuite {
  /** Short name used to pick suites: `npm run bench -- documents`. */
  name: string;
  run(): Promise<BenchResult[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
