import pg from 'pg';
import { readFileSync } from 'node:fs';
const [file, db, n] = process.argv.slice(2);
const c = new pg.Client({ connectionString: `postgres://root@127.0.0.1:5432/${db}` }); await c.connect();
const q = readFileSync(file!, 'utf8').replace(/;\s*$/, '');
const times: number[] = [];
for (let i = 0; i < Number(n ?? 30); i++) { const t = performance.now(); await c.query({ name: 'x', text: q }); times.push(performance.now() - t); }
times.sort((a, b) => a - b); console.log('median', times[times.length >> 1]!.toFixed(2), 'min', times[0]!.toFixed(2));
await c.end();
