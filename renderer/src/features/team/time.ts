/** A stored UTC time to the minute, as the views show them: "2026-03-01 09:03 UTC". */
export const utcMinute = (at: string): string => `${at.slice(0, 16).replace('T', ' ')} UTC`;
