import { SafeText } from '../../components/SafeText';

export function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="warnings" aria-label="Warnings">
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            ⚠ <SafeText text={w} />
          </li>
        ))}
      </ul>
    </section>
  );
}
