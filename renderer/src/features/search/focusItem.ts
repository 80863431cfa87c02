/**
 * Brings an item of another view into sight once that view has rendered it: opening an evidence hit
 * lands at that evidence item in the claim view (`id="evidence-<id>"`), scrolled to and focused.
 */
const GIVE_UP_MS = 5_000;

export const evidenceAnchor = (evidenceId: string): string => `evidence-${evidenceId}`;

export function focusWhenShown(elementId: string): void {
  const started = performance.now();
  const look = () => {
    const el = document.getElementById(elementId);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return;
    }
    if (performance.now() - started < GIVE_UP_MS) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
