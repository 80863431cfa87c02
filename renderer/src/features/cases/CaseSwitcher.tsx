/**
 * The case switcher, under the case title in the sidebar: rename the open case (both shells), and in
 * web mode open a recent case, open one by path, or make a new one (the server's session methods;
 * the desktop app has its File menu for those). After a switch the page reloads into the other case.
 */
import { useState, type FormEvent } from 'react';
import type { SessionCases } from '../../../../core/contract/session';
import { api, errorMessage } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorText, TextField } from '../../components/fields';
import { SafeText } from '../../components/SafeText';
import { useApp } from '../../store';
import { mutate } from '../../store/mutate';
import './cases.css';

/** After the server opened another case, everything on the page belonged to the previous one. */
const reloadIntoNewCase = () => window.location.reload();

function RenameForm({ onDone }: { onDone(): void }) {
  const info = useApp((s) => s.info);
  const [title, setTitle] = useState(info?.title ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const err = await mutate(() => api.call('case.rename', { title }), 'Case renamed');
    setError(err);
    if (!err) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Rename this case">
      <TextField label="Display name of this case" value={title} onChange={setTitle} required hint="The file keeps its name; the sidebar, window title and briefings show this one." />
      <ErrorText error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!title.trim()}>
          Rename
        </button>
      </div>
    </form>
  );
}

type Session = NonNullable<ReturnType<typeof api.session>>;

function SwitchForms({ session, cases }: { session: Session; cases: SessionCases }) {
  const [openPath, setOpenPath] = useState('');
  const [newPath, setNewPath] = useState(`${cases.defaultFolder.replace(/[\\/]$/, '')}/`);
  const [newTitle, setNewTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async (run: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await run();
      reloadIntoNewCase();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  const submit = (e: FormEvent, run: () => Promise<unknown>) => {
    e.preventDefault();
    void go(run);
  };
  return (
    <>
      <h3>Recent cases</h3>
      <ul className="case-list" aria-label="Recent cases">
        {cases.recent.map((r) => {
          const current = r.path === cases.current;
          return (
            <li key={r.path}>
              <button type="button" disabled={busy || current || !r.exists} aria-current={current || undefined} onClick={() => void go(() => session('session.open', { path: r.path }))}>
                <SafeText text={r.name} />
                {current ? ' (open now)' : !r.exists ? ' (file not found)' : ''}
              </button>
              <span className="hint">
                <SafeText text={r.folder} />
              </span>
            </li>
          );
        })}
      </ul>
      <form onSubmit={(e) => submit(e, () => session('session.open', { path: openPath }))} aria-label="Open a case by path">
        <TextField label="Open a case file by path" value={openPath} onChange={setOpenPath} required hint="The full path on the computer running ClaimTrail, e.g. ~/cases/deepseek.claimtrail." />
        <div className="actions">
          <button type="submit" disabled={busy || !openPath.trim()}>
            Open
          </button>
        </div>
      </form>
      <form onSubmit={(e) => submit(e, () => session('session.create', { path: newPath, title: newTitle || undefined }))} aria-label="New case">
        <TextField label="New case file" value={newPath} onChange={setNewPath} required hint=".claimtrail is added when missing; an existing file is never overwritten." />
        <TextField label="Display name (optional)" value={newTitle} onChange={setNewTitle} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !newPath.trim()}>
            Create and open
          </button>
        </div>
      </form>
      <ErrorText error={error} />
    </>
  );
}

export function CaseSwitcher() {
  const [open, setOpen] = useState(false);
  const [cases, setCases] = useState<SessionCases | null>(null);
  const [error, setError] = useState<string | null>(null);
  const session = api.session();
  const show = async () => {
    setOpen(true);
    setError(null);
    if (!session) return;
    try {
      setCases(await session('session.cases', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <button type="button" className="nav-button case-switch" onClick={() => void show()}>
        {session ? 'Switch or rename case…' : 'Rename case…'}
      </button>
      {open && (
        <Dialog title={session ? 'Cases' : 'Rename case'} onClose={() => setOpen(false)} wide>
          <RenameForm onDone={() => setOpen(false)} />
          {session && cases && <SwitchForms session={session} cases={cases} />}
          {!session && <p className="hint">Open, make and switch cases from the File menu (New Case…, Open Case…, Open Recent).</p>}
          <ErrorText error={error} />
        </Dialog>
      )}
    </>
  );
}
