/** The briefing builder: pick claims, preview, edit the BLUF, save versions, export md/html/docx, and PDF of a saved version (Electron's printToPDF, or the server's Chromium in web mode). */
import { useCallback, useEffect, useState } from 'react';
import type { BriefingFormat } from '../../../../core/briefing/render';
import type { BriefingSelection } from '../../../../core/briefing/types';
import type { BriefingVersion, ComposedBriefing } from '../../../../core/contract/briefings';
import { api, errorMessage } from '../../api/client';
import { ErrorText, TextArea, TextField } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { count } from '../../../../core/briefing/wording';
import { mutate } from '../../store/mutate';
import { BriefingErrorBoundary } from './BriefingErrorBoundary';
import { BriefingPreview } from './BriefingPreview';
import { download } from './download';
import { SelectionPicker } from './SelectionPicker';

const FORMATS: BriefingFormat[] = ['md', 'html', 'docx'];

export default function BriefingsView() {
  const [selection, setSelection] = useState<BriefingSelection | null>(null);
  const [title, setTitle] = useState('');
  /** The analyst's own BLUF; only typing makes one (a shown draft stays a draft until edited). */
  const [bluf, setBluf] = useState('');
  const [blufEdited, setBlufEdited] = useState(false);
  const [composed, setComposed] = useState<ComposedBriefing | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [versions, setVersions] = useState<BriefingVersion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const printPdf = api.briefingPdf();
  // Another selection: the preview and its drafted BLUF belonged to the old one; the next preview drafts anew.
  const onSelection = useCallback((s: BriefingSelection | null) => {
    setSelection(s);
    setComposed(null);
    setOpenId(null);
  }, []);
  const analystBluf = blufEdited && bluf.trim() ? bluf : undefined;
  const input = selection ? { selection, title: title || undefined, bluf: analystBluf } : null;
  const draft = !analystBluf && composed?.briefing.blufDrafted ? composed.briefing.bluf : null;
  const editBluf = (text: string) => {
    setBluf(text);
    setBlufEdited(text.trim() !== '');
  };

  const refreshVersions = useCallback(async () => {
    if (selection) setVersions(await api.call('briefings.list', { selection }).catch(() => []));
  }, [selection]);
  useEffect(() => void refreshVersions(), [refreshVersions]);

  const run = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const preview = () => run(async () => {
    if (!input) return;
    const r = await api.call('briefings.compose', input);
    setComposed(r);
    setOpenId(null);
  });
  const save = async () => {
    if (!input) return;
    const err = await mutate(async () => {
      const saved = await api.call('briefings.save', input);
      setComposed(saved);
      setOpenId(saved.id);
    }, 'Briefing saved');
    setError(err);
    await refreshVersions();
  };
  const open = (id: string) => run(async () => {
    const saved = await api.call('briefings.get', { id });
    setComposed(saved);
    setOpenId(id);
  });
  const exportAs = (format: BriefingFormat) => run(async () => {
    if (!input && !openId) return;
    download(await api.call('briefings.render', openId ? { id: openId, format } : { ...input!, format }));
  });

  return (
    <section className="view" aria-labelledby="briefings-title">
      <h1 id="briefings-title">Briefings</h1>
      <SelectionPicker onChange={onSelection} />
      <TextField label="Briefing title" value={title} onChange={setTitle} />
      <TextArea
        label="Bottom line up front (BLUF)"
        value={analystBluf ?? draft ?? ''}
        onChange={editBluf}
        rows={4}
        hint={
          draft
            ? 'Draft BLUF, drafted from the strongest judgments: it stays a draft (and is re-drafted for another selection) until you edit it.'
            : 'Leave empty to draft it from the strongest judgments. Refer to judgments as (KJ1).'
        }
      />
      <div className="actions">
        <button type="button" onClick={() => void preview()} disabled={!input}>Preview</button>
        <button type="button" className="primary" onClick={() => void save()} disabled={!input}>Save version</button>
        {FORMATS.map((f) => (
          <button key={f} type="button" onClick={() => void exportAs(f)} disabled={!input && !openId}>
            Export {f.toUpperCase()}
          </button>
        ))}
        {printPdf && (
          <button type="button" onClick={() => void run(async () => void (openId && (await printPdf(openId))))} disabled={!openId} aria-describedby={openId ? undefined : 'pdf-note'}>
            Export PDF
          </button>
        )}
      </div>
      {printPdf && !openId && (
        <p id="pdf-note" className="hint">
          Export PDF prints a saved version (so the PDF matches a version in the history): save a version or open one below first.
        </p>
      )}
      {!printPdf && <p className="hint">PDF export is not available in this window: export HTML and print it from the browser.</p>}
      <ErrorText error={error} />
      <BriefingErrorBoundary resetKey={versions} what="The list of saved versions">
        {versions.length > 0 && (
          <>
            <h2>Saved versions</h2>
            <ul aria-label="Saved versions">
              {versions.map((v) => (
                <li key={v.id}>
                  <button type="button" onClick={() => void open(v.id)} aria-current={v.id === openId}>
                    Version {v.version}: <SafeText text={v.title} /> — {String(v.createdAt).slice(0, 16).replace('T', ' ')} ({count(v.claimCount, 'claim')})
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </BriefingErrorBoundary>
      <BriefingErrorBoundary resetKey={composed} what="This briefing">
        {composed && composed.warnings.length > 0 && (
          <div className="warnings" role="note" aria-label="Estimative-language warnings">
            <ul>
              {composed.warnings.map((w, n) => (
                <li key={n}>
                  <SafeText text={w.where} />: <SafeText text={w.message} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {composed && <BriefingPreview blocks={composed.blocks} />}
      </BriefingErrorBoundary>
    </section>
  );
}
