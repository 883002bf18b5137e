import { highlightRanges, splitByRanges } from '../../../../shared/search/highlight';
import type { QueryPart } from '../../../../shared/search/tokenize';

/** A text with the query's matches marked. */
export function Highlight({ text, parts }: { text: string; parts: readonly QueryPart[] }) {
  if (parts.length === 0) return <>{text}</>;
  const pieces = splitByRanges(text, highlightRanges(text, parts));
  return (
    <>
      {pieces.map((piece, i) =>
        piece.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one string, in order
          <mark key={i} className="search-hit">
            {piece.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one string, in order
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
