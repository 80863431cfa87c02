/** A highlighted snippet: matched segments as <mark>, everything as React text. */
import type { HighlightSegment } from '../../../../core/types';
import { revealBidi } from '../../../../core/text';

export function Snippet({ segments }: { segments: HighlightSegment[] }) {
  return (
    <bdi className="snippet safe-text">
      {segments.map((s, i) => (s.match ? <mark key={i}>{revealBidi(s.text)}</mark> : <span key={i}>{revealBidi(s.text)}</span>))}
    </bdi>
  );
}
