/** Attach: the file picker → the bytes (read with progress) → base64 → `captures.attach`. */
import { useId, useRef, useState } from 'react';
import { MAX_CAPTURE_BYTES, type CaptureOutcome } from '../../../../core/contract/captures';
import { api } from '../../api/client';
import { ErrorText } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { mutate } from '../../store/mutate';
import { formatBytes, toBase64 } from '../../lib/documents/bytes';
import { OutcomeNote } from './OutcomeNote';

type Phase = { kind: 'idle' } | { kind: 'reading'; name: string; done: number; total: number } | { kind: 'storing'; name: string };

function readFile(file: File, onProgress: (done: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onerror = () => reject(new Error(`Could not read ${file.name}: ${reader.error?.message ?? 'unknown error'}`));
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(file);
  });
}

export function AttachControl({ sourceId, onDone }: { sourceId: string; onDone(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<CaptureOutcome | null>(null);

  const attach = async (file: File) => {
    setError(null);
    setOutcome(null);
    if (file.size > MAX_CAPTURE_BYTES)
      return setError(`${file.name} is ${formatBytes(file.size)}; a capture may hold at most ${formatBytes(MAX_CAPTURE_BYTES)}. Nothing was attached.`);
    try {
      setPhase({ kind: 'reading', name: file.name, done: 0, total: file.size });
      const bytes = await readFile(file, (done) => setPhase({ kind: 'reading', name: file.name, done, total: file.size }));
      setPhase({ kind: 'storing', name: file.name });
      let result: CaptureOutcome | null = null;
      const err = await mutate(
        async () => (result = await api.call('captures.attach', { sourceId, bytes: toBase64(bytes), fileName: file.name, mediaType: file.type || null })),
        `Attached ${file.name}`,
      );
      if (err) setError(`${file.name}: ${err}`);
      else setOutcome(result);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const busy = phase.kind !== 'idle';
  return (
    <div className="inline-form attach-control">
      <input
        ref={input}
        id={inputId}
        type="file"
        hidden
        aria-label="Document to attach"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void attach(file);
        }}
      />
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        Attach file…
      </button>{' '}
      <span className="hint">PDF, HTML, text, Markdown, DOCX or an image; up to {formatBytes(MAX_CAPTURE_BYTES)}.</span>
      {phase.kind === 'reading' && (
        <p className="attach-progress">
          <label htmlFor={`${inputId}-progress`}>
            Reading <SafeText text={phase.name} />
          </label>{' '}
          <progress id={`${inputId}-progress`} max={phase.total || 1} value={phase.done} />
        </p>
      )}
      {phase.kind === 'storing' && (
        <p className="attach-progress">
          <label htmlFor={`${inputId}-progress`}>
            Storing and extracting <SafeText text={phase.name} />…
          </label>{' '}
          <progress id={`${inputId}-progress`} />
        </p>
      )}
      <ErrorText error={error} />
      {outcome && <OutcomeNote outcome={outcome} />}
    </div>
  );
}
