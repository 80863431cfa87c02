/** The briefing's blocks as React elements: text only (never dangerouslySetInnerHTML). */
import type { Block, Inline } from '../../../../core/briefing/blocks';
import { SafeText } from '../../components/SafeText';

function Run({ i }: { i: Inline }) {
  if (i.ref !== undefined) return <sup className="muted">[{i.ref}]</sup>;
  if (i.quote)
    return (
      <em>
        “<SafeText text={i.text} />”
      </em>
    );
  if (i.strong)
    return (
      <strong>
        <SafeText text={i.text} />
      </strong>
    );
  return <SafeText text={i.text} />;
}

const Runs = ({ xs }: { xs: readonly Inline[] }) => (
  <>
    {xs.map((i, n) => (
      <Run key={n} i={i} />
    ))}
  </>
);

function PreviewBlock({ b }: { b: Block }) {
  switch (b.kind) {
    case 'title':
      return <h2><SafeText text={b.text} /></h2>;
    case 'meta':
      return (
        <dl className="facts">
          {b.items.map((m) => [<dt key={`${m.label}-t`}>{m.label}</dt>, <dd key={`${m.label}-d`}><SafeText text={m.value} /></dd>])}
        </dl>
      );
    case 'caveat':
      return <p className="notice"><strong><SafeText text={b.text} /></strong></p>;
    case 'heading':
      return b.level === 2 ? <h3><SafeText text={b.text} /></h3> : <h4><SafeText text={b.text} /></h4>;
    case 'para':
      return <p className={b.tone === 'warning' ? 'warnings' : b.tone === 'aside' ? 'muted' : undefined}><Runs xs={b.inlines} /></p>;
    case 'list': {
      const items = b.items.map((it, n) => <li key={n}><Runs xs={it} /></li>);
      return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'notes':
      return (
        <ol className="notes" aria-label="Footnotes">
          {b.items.map((it) => <li key={it.n} value={it.n}><Runs xs={it.inlines} /></li>)}
        </ol>
      );
    case 'table':
      return (
        <table className="matrix">
          <caption><SafeText text={b.caption} /></caption>
          <thead><tr>{b.header.map((c, n) => <th key={n} scope="col"><SafeText text={c} /></th>)}</tr></thead>
          <tbody>{b.rows.map((r, n) => <tr key={n}>{r.map((c, k) => <td key={k}><SafeText text={c} /></td>)}</tr>)}</tbody>
          {b.footer && <tfoot><tr>{b.footer.map((c, n) => <td key={n}><SafeText text={c} /></td>)}</tr></tfoot>}
        </table>
      );
  }
}

export function BriefingPreview({ blocks }: { blocks: readonly Block[] }) {
  return (
    <article className="card" aria-label="Briefing preview">
      {blocks.map((b, n) => <PreviewBlock key={n} b={b} />)}
    </article>
  );
}
