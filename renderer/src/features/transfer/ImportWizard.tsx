/**
 * Import wizard: choose a file → format detected → a column-mapping table (one dropdown per column)
 * and extra labels in a table editor, with a live preview of the first rows and records → dry run
 * (exact counts, duplicates, errors, skipped rows) → import with a progress bar; Cancel rolls
 * everything back.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ImportPreview } from '../../../../core/transfer/preview';
import { readDelimited } from '../../../../core/transfer/csv';
import { decodeBytes, stripBom } from '../../../../core/transfer/decode';
import { IMPORT_FORMATS, type ImportFormat, type ImportReport } from '../../../../core/transfer/types';
import type { Progress } from '../../../../core/transport';
import { api, errorMessage } from '../../api/client';
import { ErrorText, Select, TextField } from '../../components/fields';
import { useApp } from '../../store';
import { ColumnMapTable } from './ColumnMapTable';
import { ImportReportView } from './ImportReportView';
import { LabelTable, labelSpec, type LabelRow } from './LabelTable';
import { PreviewTable } from './PreviewTable';

interface Options {
  format: ImportFormat | '';
  map: string;
  header: boolean;
  delimiter: string;
  labels: LabelRow[];
  skipBadRows: boolean;
}

const INITIAL: Options = { format: '', map: '', header: true, delimiter: '', labels: [], skipBadRows: false };
/** How long the options must rest before the live preview asks again. */
const PREVIEW_DELAY_MS = 250;

/** The number of fields in a delimited text's first row (0 when it cannot be read as such). */
function firstRowWidth(text: string, delimiter: string): number {
  try {
    for (const row of readDelimited(stripBom(text.slice(0, 65_536)), { delimiter, quoted: delimiter !== '\t' })) return row.fields.length;
  } catch {
    return 0;
  }
  return 0;
}

export function ImportWizard() {
  const fileId = useId();
  const headerId = useId();
  const skipId = useId();
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
    // A mapping belongs to its file's columns: it is kept for a file with as many columns, else cleared.
    const width = (text: string) => firstRowWidth(text, /\.(tsv|tab)$/i.test(f.name) ? '\t' : opts.delimiter === 'tab' ? '\t' : opts.delimiter || ',');
    if (file && width(file.content) !== width(decoded.text)) setOpts((o) => ({ ...o, map: '' }));
    setFile({ name: f.name, content: decoded.text });
  };

  const input = () => ({
    content: file!.content,
    fileName: file!.name,
    format: opts.format || undefined,
    map: opts.map.trim() || undefined,
    header: opts.header ? undefined : false,
    delimiter: opts.delimiter === 'tab' ? '\t' : opts.delimiter || undefined,
    labels: labelSpec(opts.labels) || undefined,
    skipBadRows: opts.skipBadRows || undefined,
  });

  const step = async (kind: 'preview' | 'dry' | 'import') => {
    setBusy(kind);
    setError(null);
    if (kind !== 'import') setProgress(null);
    try {
      if (kind === 'preview') {
        // Not the report: a change of file or option clears it (choose, set); a live preview that fires
        // late (after a Dry run on a loaded machine) must not take away the dry run of the same options.
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

  // Live preview: a little after the file or an option changes (the Preview button asks at once).
  const stepRef = useRef(step);
  stepRef.current = step;
  useEffect(() => {
    if (!file) return;
    const timer = setTimeout(() => void stepRef.current('preview'), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [file, opts]);
  const delimited = opts.format === 'csv' || opts.format === 'tsv' || (!opts.format && /\.(csv|tsv|tab|txt)$/i.test(file?.name ?? ''));

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <div className="field">
        <label htmlFor={fileId}>Import file</label>
        <input id={fileId} type="file" accept=".csv,.tsv,.tab,.txt,.json,.jsonld,.html,.bib,.ris" onChange={(e) => void choose(e.target.files?.[0])} />
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
              {preview && preview.columns.length > 0 && <ColumnMapTable preview={preview} onChange={(spec) => set('map', spec)} />}
              <div className="field">
                <input id={skipId} type="checkbox" checked={opts.skipBadRows} onChange={(e) => set('skipBadRows', e.target.checked)} />
                <label htmlFor={skipId}>Skip bad rows (import the rest and list each skipped row)</label>
              </div>
            </>
          )}
          <LabelTable rows={opts.labels} onChange={(rows) => set('labels', rows)} />
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
