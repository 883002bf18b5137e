/**
 * 卷宗号: `<机关简称>监〔<年度>〕<序号>号`, e.g. 青司监〔2026〕12号 — hexagonal brackets,
 * no leading zeros, no 第, as GB/T 9704 writes document numbers. The sequence runs per
 * owning organ and year and is allocated inside the transaction that creates the dossier.
 */
export function formatDossierNumber(shortName: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence starts at 1');
  return `${shortName}监〔${year}〕${sequence}号`;
}

const NUMBER_PATTERN = /^(.+)监〔(\d{4})〕([1-9]\d*)号$/;

export function parseDossierNumber(number: string): { shortName: string; year: number; sequence: number } | null {
  const m = NUMBER_PATTERN.exec(number);
  if (!m) return null;
  return { shortName: m[1] as string, year: Number(m[2]), sequence: Number(m[3]) };
}

/** The counter that allocates numbers for one organ and year. */
export function numberCounterKey(organId: string, year: number): string {
  return `number:${organId}:${year}`;
}
