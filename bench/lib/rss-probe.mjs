// Loaded with `node --import` into a child the bench measures: at exit it writes the process's own peak
// resident set (getrusage maxRSS, kilobytes) and its CPU times to $CT_RSS_OUT.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
  const out = process.env.CT_RSS_OUT;
  if (!out) return;
  const u = process.resourceUsage();
  writeFileSync(out, JSON.stringify({ maxRSSKB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
});
