/** The stylesheet of a standalone briefing: readable on screen, clean on paper. No external resources. */
export const BRIEFING_CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin: 0 0 .5rem; line-height: 1.2; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #999; padding-bottom: .15rem; margin-top: 1.8rem; }
h3 { font-size: 1rem; margin: 1.1rem 0 .3rem; }
p { margin: .35rem 0; }
.caveat { border: 2px solid #111; text-align: center; font-weight: bold; letter-spacing: .04em; padding: .3rem; margin: .5rem 0; text-transform: uppercase; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .75rem 0; font-size: .95em; }
.meta dt { font-weight: bold; }
.meta dd { margin: 0; }
.quote { font-style: italic; }
.warning { border-left: 3px solid #b45309; padding-left: .6rem; color: #7c2d12; }
.aside { color: #555; font-style: italic; font-size: .92em; }
sup a, .notes a { text-decoration: none; }
.notes { list-style: none; padding-left: 0; }
.notes li { margin: .2rem 0; }
a { color: #1d4ed8; word-break: break-all; }
.matrix { border-collapse: collapse; font-size: .9em; margin: .5rem 0; width: 100%; }
.matrix caption { text-align: left; font-style: italic; }
.matrix th, .matrix td { border: 1px solid #999; padding: .15rem .35rem; vertical-align: top; }
.matrix tfoot td { font-weight: bold; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; }
  p, li { break-inside: avoid; }
  a { color: inherit; }
  .caveat { position: static; }
  @page { margin: 18mm 16mm; }
}
`;

/** No scripts, no remote anything: only the inline stylesheet above. */
export const BRIEFING_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
