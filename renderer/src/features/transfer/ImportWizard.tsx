/**
 * Import wizard: choose a file → options and mapping with a preview of the first rows → dry run
 * (exact counts, duplicates, errors) → import with a progress bar; Cancel rolls everything back.
 */
import { useEffect, useId, useState } from 'react';
import type { ImportPreview } from '../../../../core/transfer/preview';
import { decodeBytes } from '../../../../core/transfer/decode';
import { IMPORT_FORMATS, type ImportFormat, type ImportReport } from '../../../../core/transfer/types';
import type { Progress } from '../../../../core/transport';
import { api, errorMessage } from '../../api/client';
import { ErrorText, Select, TextField } from '../../components/fields';
import { useApp } from '../../store';
import { ImportReportView } from './ImportReportView';
import { PreviewTable } from './PreviewTable';

interface Options {
  format: ImportFormat | '';
  map: string;
  header: boolean;
  delimiter: string;
  labels: string;
}

const INITIAL: Options = { format: '', map: '', header: true, delimiter: '', labels: '' };

export function ImportWizard() {
  const fileId = useId();
  const headerId = useId();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [opts, setOpts] = useState<Options>(INITIAL);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<null | 'preview' | 'dry' | 'import'>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => api.onProgress((p) => p.method === 'transfer.import' && setProgress(p)), []);

  const choose = async (f: File | undefined) => {
    setPreview(null);
    setReport(null);
    setError(null);
    setFile(null);
    if (!f) return;
    const decoded = decodeBytes(new Uint8Array(await f.arrayBuffer()));
    if (!decoded.ok) return setError(`${f.name}, line ${decoded.line}: ${decoded.message}`);
    setFile({ name: f.name, content: decoded.text });
  };

  const input = () => ({
    content: file!.content,
    fileName: file!.name,
    format: opts.format || undefined,
    map: opts.map.trim() || undefined,
    header: opts.header ? undefined : false,
    delimiter: opts.delimiter === 'tab' ? '\t' : opts.delimiter || undefined,
    labels: opts.labels.trim() || undefined,
  });

  const step = async (kind: 'preview' | 'dry' | 'import') => {
    setBusy(kind);
    setError(null);
    if (kind !== 'import') setProgress(null);
    try {
      if (kind === 'preview') {
        setReport(null);
        setPreview(await api.call('transfer.preview', input()));
      } else {
        const r = await api.call(kind === 'dry' ? 'transfer.dryRun' : 'transfer.import', input());
        setReport(r);
        if (kind === 'import' && r.ok) {
          useApp.getState().announce(`Imported ${r.counts.claims} claims and ${r.counts.sources} sources`);
          await useApp.getState().refreshAfterChange();
        }
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const set = <K extends keyof Options>(k: K, v: Options[K]) => {
    setOpts((o) => ({ ...o, [k]: v }));
    setReport(null);
  };
  const delimited = opts.format === 'csv' || opts.format === 'tsv' || (!opts.format && /\.(csv|tsv|tab|txt)$/i.test(file?.name ?? ''));

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <div className="field">
        <label htmlFor={fileId}>Import file</label>
        <input id={fileId} type="file" accept=".csv,.tsv,.tab,.txt,.json,.jsonld" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {file && (
        <>
          <Select label="Format" value={opts.format} onChange={(v) => set('format', v as ImportFormat | '')} options={[{ value: '', label: 'Detect from the file' }, ...IMPORT_FORMATS.map((f) => ({ value: f, label: f }))]} />
          {delimited && (
            <>
              <TextField label="Column mapping" value={opts.map} onChange={(v) => set('map', v)} hint="COL=FIELD,… with a column number or header name, e.g. 3=text,5=claimant,2=label,4=tags. Empty: map by header names." />
              <div className="field">
                <input id={headerId} type="checkbox" checked={opts.header} onChange={(e) => set('header', e.target.checked)} />
                <label htmlFor={headerId}>First row is a header</label>
              </div>
              <TextField label="Delimiter" value={opts.delimiter} onChange={(v) => set('delimiter', v)} hint="One character, or “tab”. Empty: comma for CSV, tab for TSV." />
            </>
          )}
          <TextField label="Extra labels" value={opts.labels} onChange={(v) => set('labels', v)} hint="LABEL=STATUS[:PRIOR],… e.g. sorta-true=mixed:0.45" />
          <div className="actions">
            <button type="button" disabled={!!busy} onClick={() => void step('preview')}>
              Preview
            </button>
            <button type="button" disabled={!!busy} onClick={() => void step('dry')}>
              Dry run
            </button>
            <button type="button" className="primary" disabled={!!busy || !report?.ok || !report.dryRun} onClick={() => void step('import')}>
              Import
            </button>
            {busy === 'import' && (
              <button type="button" onClick={() => void api.cancel()}>
                Cancel import
              </button>
            )}
          </div>
        </>
      )}
      {busy === 'import' && (
        <div role="status">
          <label>
            Import progress{' '}
            <progress max={progress?.total || undefined} value={progress?.total ? progress.done : undefined} />
          </label>
          {progress && ` ${progress.done.toLocaleString('en')} / ${progress.total.toLocaleString('en')} ${progress.label}`}
        </div>
      )}
      <ErrorText error={error} />
      {preview && !report && <PreviewTable preview={preview} />}
      {report && <ImportReportView report={report} />}
    </section>
  );
}
