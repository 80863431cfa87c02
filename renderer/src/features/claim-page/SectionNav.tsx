/**
 * "On this page": one button per part of the claim page (judgment, evidence, disputes, links,
 * history, breakdown). It stays at the top while the page scrolls; a button scrolls to its part and moves focus
 * to the part's heading, so every part is one keypress or click away at any window width.
 */
import type { ClaimDetail } from '../../../../core/types';

export interface PagePart {
  id: string;
  label: string;
}

export function claimPageParts(detail: ClaimDetail): PagePart[] {
  return [
    { id: 'judgment-title', label: 'Judgment' },
    { id: 'evidence-title', label: `Evidence (${detail.evidence.length})` },
    { id: 'disputes-title', label: `Disputes (${detail.disputes.length})` },
    { id: 'links-title', label: 'Links' },
    { id: 'history-title', label: 'History' },
    { id: 'breakdown-title', label: 'Breakdown' },
  ];
}

export function SectionNav({ parts }: { parts: PagePart[] }) {
  const jump = (id: string) => {
    const heading = document.getElementById(id);
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <nav className="section-nav" aria-label="On this page">
      <ul>
        {parts.map((p) => (
          <li key={p.id}>
            <button type="button" className="small" onClick={() => jump(p.id)}>
              {p.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
