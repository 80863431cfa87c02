/** The query language at a glance. */
const ROWS: [string, string][] = [
  ['chip export', 'both words, any form (chips, exported)'],
  ['chips AND export', 'the same: AND is optional'],
  ['"training cost"', 'exact text, no other word forms'],
  ['-rumour  NOT rumour', 'without this word'],
  ['6mn  $6 million  6 million dollars', 'an amount, however it is written'],
  ['芯片  H800芯片  チップ', 'words inside Chinese, Japanese, Korean text'],
  ['distill*', 'words starting with'],
  ['H800 OR H20', 'either word'],
  ['status:disputed  tag:chips', 'claim status, tag'],
  ['claimant:"Sam Altman"  source:reuters', 'who claimed it, which source'],
  ['grade:A-B', 'evidence from A or B sources'],
  ['p:>0.8  p:<0.2  p:0.4-0.6', 'probability'],
  ['before:2025-02-01  after:2025-01', 'date claimed'],
  ['is:disputed  is:overridden', 'open disputes, analyst overrides'],
  ['in:documents  in:claims,evidence', 'only these groups (documents: the text of captured sources)'],
];

export function SearchHelp() {
  return (
    <details className="search-help">
      <summary>Search syntax</summary>
      <table className="table">
        <caption className="visually-hidden">Search syntax</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Finds</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([q, what]) => (
            <tr key={q}>
              <td>
                <code>{q}</code>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
