/** Main navigation: one button per view, the case title and the theme toggle. */
import { useApp } from '../../store';
import type { View } from '../../store/nav';
import { SafeText } from '../../components/SafeText';
import { CaseSwitcher } from '../cases/CaseSwitcher';
import { ThemeToggle } from './ThemeToggle';

const ENTRIES: { view: View; label: string }[] = [
  { view: 'claims', label: 'Claims' },
  { view: 'sources', label: 'Sources' },
  { view: 'search', label: 'Search' },
  { view: 'briefings', label: 'Briefings' },
  { view: 'calibration', label: 'Calibration' },
  { view: 'transfer', label: 'Import / Export' },
  { view: 'trash', label: 'Trash' },
  { view: 'settings', label: 'Settings' },
];

export function Sidebar() {
  const view = useApp((s) => s.view);
  const go = useApp((s) => s.go);
  const info = useApp((s) => s.info);
  const setPaletteOpen = useApp((s) => s.setPaletteOpen);
  const current = view === 'claim' ? 'claims' : view === 'document' ? 'sources' : view;
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">ClaimTrail</div>
      {info && (
        <div className="case-title" title={info.path}>
          <SafeText text={info.title} />
        </div>
      )}
      {info && <CaseSwitcher />}
      <ul>
        {ENTRIES.map((e) => (
          <li key={e.view}>
            <button type="button" className="nav-button" aria-current={current === e.view ? 'page' : undefined} onClick={() => go(e.view)}>
              {e.label}
              {e.view === 'trash' && info?.counts.trash ? <span className="count"> ({info.counts.trash})</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="nav-button" onClick={() => setPaletteOpen(true)}>
        Quick open <kbd>Ctrl K</kbd>
      </button>
      <ThemeToggle />
    </nav>
  );
}
