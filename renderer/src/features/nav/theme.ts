/** Applies the theme choice as data-theme on <html>; "system" follows prefers-color-scheme in CSS. */
import { useEffect } from 'react';
import { useApp } from '../../store';

export function useThemeAttribute() {
  const theme = useApp((s) => s.theme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
