/** The shell: navigation, the current view, the quick-open palette and global shortcuts. */
import { useEffect } from 'react';
import { AnalysisView } from './features/analysis/AnalysisView';
import BriefingsView from './features/briefings/BriefingsView';
import { CalibrationView } from './features/calibration/CalibrationView';
import { ClaimListView } from './features/claims/ClaimListView';
import { ClaimDetailView } from './features/claim-page/ClaimDetailView';
import { DocumentView } from './features/documents/DocumentView';
import { DuplicatesView } from './features/duplicates/DuplicatesView';
import { Sidebar } from './features/nav/Sidebar';
import { useGlobalShortcuts } from './features/nav/shortcuts';
import { useThemeAttribute } from './features/nav/theme';
import { QuickOpen } from './features/palette/QuickOpen';
import { SearchView } from './features/search/SearchView';
import { SettingsView } from './features/settings/SettingsView';
import { SourcesView } from './features/sources/SourcesView';
import { ConflictsView } from './features/team/ConflictsView';
import TransferView from './features/transfer/TransferView';
import { TrashView } from './features/trash/TrashView';
import { ProgressBar } from './components/ProgressBar';
import { useApp } from './store';
import type { View } from './store/nav';

const VIEWS: Record<View, () => React.JSX.Element> = {
  claims: ClaimListView,
  claim: ClaimDetailView,
  sources: SourcesView,
  search: SearchView,
  trash: TrashView,
  briefings: BriefingsView,
  calibration: CalibrationView,
  transfer: TransferView,
  settings: SettingsView,
  document: DocumentView,
  analysis: AnalysisView,
  duplicates: DuplicatesView,
  conflicts: ConflictsView,
};

export function App() {
  const view = useApp((s) => s.view);
  const paletteOpen = useApp((s) => s.paletteOpen);
  const announcement = useApp((s) => s.announcement);
  const caseError = useApp((s) => s.caseError);
  useThemeAttribute();
  useGlobalShortcuts();
  useEffect(() => {
    const s = useApp.getState();
    void s.loadInfo();
    void s.loadTeam();
    void s.loadSources();
  }, []);
  const Current = VIEWS[view];
  return (
    <div className="app">
      <Sidebar />
      <main className="main" id="main">
        {caseError && (
          <p className="error" role="alert">
            {caseError}
          </p>
        )}
        <ProgressBar />
        <Current />
      </main>
      {paletteOpen && <QuickOpen />}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
