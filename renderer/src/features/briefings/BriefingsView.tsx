/** Placeholder: the briefing builder with preview is built separately. */
export default function BriefingsView() {
  return (
    <section className="view" aria-labelledby="briefings-title">
      <h1 id="briefings-title">Briefings</h1>
      <p>The briefing builder is not available in this build yet. Use <code>claimtrail brief</code> on the command line.</p>
    </section>
  );
}
