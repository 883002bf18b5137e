/**
 * An RFC 4180 reader that also takes what spreadsheet programs actually write: any of
 * CRLF / LF / CR line ends, a delimiter sniffed from the first line (comma, semicolon
 * or tab — Excel's "Unicode text" is tab-separated), quoted fields spanning lines,
 * and stray quotes inside unquoted fields kept as text.
 */
export interface CsvOptions {
  delimiter?: ',' | ';' | '\t';
  /** Stop with TooManyRowsError once more records than this were read. */
  maxRows?: number;
}

export class TooManyRowsError extends Error {
  constructor(readonly limit: number) {
    super(`More than ${limit} rows`);
    this.name = 'TooManyRowsError';
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that occurs most often outside quotes in the first record. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: ',' | ';' | '\t' = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  // True once the current field began with a quote (so `"a"b` keeps the b as text).
  let wasQuoted = false;
  let i = 0;
  const n = text.length;

  const endField = () => {
    record.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    if (records.length > maxRows) throw new TooManyRowsError(maxRows);
  };

  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  // The last record, unless the text ended with a line break.
  if (field !== '' || record.length > 0 || wasQuoted) endRecord();
  return records;
}
