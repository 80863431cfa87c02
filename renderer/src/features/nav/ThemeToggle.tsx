import { useApp } from '../../store';
import type { ThemeChoice } from '../../store/nav';
import { Select } from '../../components/fields';

const OPTIONS: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemeToggle() {
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  return <Select label="Theme" value={theme} options={OPTIONS} onChange={(v) => setTheme(v as ThemeChoice)} />;
}
