/** Import (wizard with preview, dry run and progress) and export (download) of the open case. */
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';

export default function TransferView() {
  return (
    <section className="view" aria-labelledby="transfer-title">
      <h1 id="transfer-title">Import / Export</h1>
      <ImportWizard />
      <ExportPanel />
    </section>
  );
}
