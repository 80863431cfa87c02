/** A dry-run or import report: counts, duplicates, notices and errors that name file, line/record and field. */
import { describeIssue, type ImportReport } from '../../../../core/transfer/types';
import { SafeText } from '../../components/SafeText';
import { IssueList } from './IssueList';

export function ImportReportView({ report }: { report: ImportReport }) {
  const c = report.counts;
  const d = c.duplicatesSkipped;
  const dupTotal = d.claims + d.sources + d.evidence + d.disputes + d.links + d.briefings;
  const title = report.dryRun ? 'Dry run' : 'Import';
  return (
    <section aria-label={`${title} report`} className="report">
      <h3>
        {title}: {report.ok ? (report.dryRun ? 'ready to import' : 'done') : 'refused — nothing was changed'}
      </h3>
      <dl className="facts">
        <dt>Records read</dt>
        <dd>{c.records.toLocaleString('en')}</dd>
        <dt>{report.dryRun ? 'Would add' : 'Added'}</dt>
        <dd>
          {c.claims} claims, {c.sources} sources, {c.evidence} evidence, {c.disputes} disputes, {c.links} links, {c.briefings} briefings
        </dd>
        <dt>Duplicates skipped</dt>
        <dd>{dupTotal ? Object.entries(d).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') : 'none'}</dd>
      </dl>
      {report.duplicates.length > 0 && (
        <details>
          <summary>Duplicates ({report.duplicates.length} shown)</summary>
          <ul>
            {report.duplicates.map((x, i) => (
              <li key={i}>
                {x.kind} at {x.line !== undefined ? `line ${x.line}` : <SafeText text={x.record} />} of <SafeText text={x.of} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.notices.map((n, i) => (
        <p key={i} className="muted">
          <SafeText text={n} />
        </p>
      ))}
      {report.skipped && report.skipped.length > 0 && (
        <details open>
          <summary>Skipped rows ({new Set(report.skipped.map((x) => x.line)).size})</summary>
          <ul aria-label="Skipped rows">
            {report.skipped.map((x, i) => (
              <li key={i}>
                <SafeText text={describeIssue(x)} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <IssueList issues={report.errors} label="Import errors" />
    </section>
  );
}
