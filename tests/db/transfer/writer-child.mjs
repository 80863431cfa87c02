// Test helper (not a test): writes to a case in a loop, or holds an open write, until killed.
/* global process, setInterval */
// Usage: node writer-child.mjs FILE loop|hold
import Database from 'better-sqlite3';

const [file, mode] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const put = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
if (mode === 'loop') {
  let i = 0;
  for (;;) {
    db.transaction(() => {
      for (let k = 0; k < 20; k++) put.run(`child.${i}.${k}`, 'x'.repeat(200));
    })();
    if (++i === 5) process.stdout.write('ready\n');
  }
} else {
  db.pragma('wal_autocheckpoint = 0');
  for (let i = 0; i < 50; i++) put.run(`committed.${i}`, 'y');
  db.exec('BEGIN IMMEDIATE');
  for (let i = 0; i < 50; i++) put.run(`uncommitted.${i}`, 'z');
  process.stdout.write('ready\n');
  setInterval(() => {}, 1000);
}
