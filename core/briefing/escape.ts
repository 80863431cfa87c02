/** The one HTML escape every user string goes through (text and attribute values alike). */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"'`=]/g, (c) => ENTITIES[c]!);
}
