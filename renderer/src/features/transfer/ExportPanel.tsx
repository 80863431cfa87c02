/** Export the case: pick a format, the file is built by the contract and downloaded by the browser. */
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../core/transfer/types';
import { api, errorMessage } from '../../api/client';
import { ErrorText, Select } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { saveDownload } from '../../components/download';

const LABELS: Record<ExportFormat, string> = {
  json: 'ClaimTrail JSON (everything, exact round trip)',
  csv: 'CSV (claims; formula cells neutralized)',
  'csl-json': 'CSL-JSON (sources, for Zotero)',
  claimreview: 'ClaimReview JSON-LD (claims with a verdict)',
  md: 'Markdown (readable digest)',
};

export function ExportPanel() {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await api.call('transfer.export', { format });
      saveDownload(file.fileName, file.mime, file.content);
      // Formats that cannot carry the signed history head themselves (CSV, CSL-JSON) come with FILE.sig.json.
      if (file.sidecar) saveDownload(file.sidecar.fileName, 'application/json', file.sidecar.content);
      const size = `${file.fileName} (${new Blob([file.content]).size.toLocaleString('en')} bytes)`;
      setDone(file.sidecar ? `${size} and its signed history head ${file.sidecar.fileName}` : size);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <Select label="Export format" value={format} onChange={(v) => setFormat(v as ExportFormat)} options={EXPORT_FORMATS.map((f) => ({ value: f, label: LABELS[f] }))} />
      <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
        Export and download
      </button>
      <ErrorText error={error} />
      {done && (
        <p role="status">
          Exported <SafeText text={done} />.
        </p>
      )}
    </section>
  );
}
