/**
 * Main navigation: one button per view, the case title and the theme toggle; on a team copy, its
 * status line and the Conflicts entry with the count of open conflicts. Below 900 px wide
 * (layout.css) it is a bar whose Menu button shows and hides the rest.
 */
import { useState } from 'react';
import { useApp } from '../../store';
import type { View } from '../../store/nav';
import { SafeText } from '../../components/SafeText';
import { CaseSwitcher } from '../cases/CaseSwitcher';
import { TeamIndicator } from '../team/TeamIndicator';
import { ThemeToggle } from './ThemeToggle';

const ENTRIES: { view: View; label: string }[] = [
  { view: 'claims', label: 'Claims' },
  { view: 'sources', label: 'Sources' },
  { view: 'search', label: 'Search' },
  { view: 'analysis', label: 'Analysis' },
  { view: 'duplicates', label: 'Duplicates' },
  { view: 'conflicts', label: 'Conflicts' },
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
  const team = useApp((s) => s.team);
  const setPaletteOpen = useApp((s) => s.setPaletteOpen);
  const [open, setOpen] = useState(false);
  const current = view === 'claim' ? 'claims' : view === 'document' ? 'sources' : view;
  // Conflicts exist only between copies of a team case.
  const entries = team ? ENTRIES : ENTRIES.filter((e) => e.view !== 'conflicts');
  const count = (v: View) => (v === 'trash' ? info?.counts.trash : v === 'conflicts' ? team?.openConflicts : 0);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar-bar">
        <div className="brand">ClaimTrail</div>
        <button type="button" className="menu-toggle" aria-expanded={open} aria-controls="sidebar-menu" onClick={() => setOpen(!open)}>
          Menu
        </button>
      </div>
      {info && (
        <div className="case-title" title={info.path}>
          <SafeText text={info.title} />
        </div>
      )}
      {team && <TeamIndicator team={team} />}
      <div id="sidebar-menu" className="sidebar-menu" data-open={open || undefined}>
        {info && <CaseSwitcher />}
        <ul>
          {entries.map((e) => (
            <li key={e.view}>
              <button
                type="button"
                className="nav-button"
                aria-current={current === e.view ? 'page' : undefined}
                onClick={() => {
                  setOpen(false);
                  go(e.view);
                }}
              >
                {e.label}
                {count(e.view) ? <span className="count"> ({count(e.view)})</span> : null}
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="nav-button"
          onClick={() => {
            setOpen(false);
            setPaletteOpen(true);
          }}
        >
          Quick open <kbd>Ctrl K</kbd>
        </button>
        <ThemeToggle />
      </div>
    </nav>
  );
}
