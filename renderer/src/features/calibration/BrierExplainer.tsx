/** What the Brier score means, in plain words. */
export function BrierExplainer() {
  return (
    <section className="card" aria-labelledby="brier-help-title">
      <h2 id="brier-help-title">What the score means</h2>
      <p>
        Once a claim is settled — it turned out true or false — the probability it carried is compared with what happened. The <strong>Brier
        score</strong> is the squared distance between the two: saying 90% for something that turned out true costs (1 − 0.9)² = 0.01; saying 90%
        for something false costs 0.81.
      </p>
      <ul>
        <li>
          <strong>0</strong> is perfect: certainty, and always right.
        </li>
        <li>
          <strong>0.25</strong> is what you get by always saying 50% — no information at all.
        </li>
        <li>
          <strong>1</strong> is the worst: certainty, and always wrong.
        </li>
      </ul>
      <p>
        Lower is better. Each claim is scored over its whole life, weighted by time: a probability held for months counts more than one held for a
        day, so a late correction does not erase a long-held wrong view. The overall score is the average over settled claims; a claim counts in
        each of its tags.
      </p>
    </section>
  );
}
