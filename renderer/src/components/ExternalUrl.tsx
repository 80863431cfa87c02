/** A source address: always shown as text; an "Open" button only for http(s) addresses. */
import { openableUrl } from '../lib/url';
import { SafeText } from './SafeText';

export function ExternalUrl({ url, label }: { url: string | null; label: string }) {
  if (!url) return null;
  const href = openableUrl(url);
  return (
    <span className="external-url">
      <SafeText text={url} className="mono" />
      {href && (
        <button type="button" className="small" aria-label={`Open ${label} in the browser`} onClick={() => window.open(href, '_blank', 'noopener,noreferrer')}>
          Open
        </button>
      )}
    </span>
  );
}
