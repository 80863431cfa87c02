/** Placeholder: import and export with progress are built separately. */
export default function TransferView() {
  return (
    <section className="view" aria-labelledby="transfer-title">
      <h1 id="transfer-title">Import / Export</h1>
      <p>Import and export are not available in this build yet. Use <code>claimtrail import</code> and <code>claimtrail export</code>.</p>
    </section>
  );
}
