/**
 * Case text as React text only: isolated from the surrounding direction (<bdi>) and with bidi control
 * characters shown as visible markers (Trojan Source), never obeyed.
 */
import { revealBidi } from '../../../core/text';

export function SafeText({ text, className }: { text: string | null | undefined; className?: string }) {
  return <bdi className={className ? `safe-text ${className}` : 'safe-text'}>{revealBidi(text ?? '')}</bdi>;
}
