import type { ImportIssue } from '../../../../core/transfer/types';
import { describeIssue } from '../../../../core/transfer/types';
import { SafeText } from '../../components/SafeText';

/** Import problems, each naming file, line or record and field; announced as an alert. */
export function IssueList({ issues, label }: { issues: readonly ImportIssue[]; label: string }) {
  if (issues.length === 0) return null;
  return (
    <div role="alert">
      <ul aria-label={label} className="error">
        {issues.map((e, i) => (
          <li key={i}>
            <SafeText text={describeIssue(e)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
