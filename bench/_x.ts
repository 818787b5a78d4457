import { openDatabase } from '../src/db/client.ts';
import { createApp } from '../src/app.ts';
import pino from 'pino';
const captured: string[] = [];
const db = await openDatabase({ kind: 'postgres', url: 'postgres://root@127.0.0.1:5432/memtest', onQuery: (query: string) => captured.push(query) } as never);
const app = createApp(db, pino({ level: 'warn' }));
for (const path of process.argv.slice(2)) {
  for (let i = 0; i < 3; i++) {
    captured.length = 0;
    const r = await app.fetch(new Request(`http://localhost${path}`, { headers: { cookie: 'bench=1' } }));
    await r.arrayBuffer();
    console.log(path, r.status, 'statements', captured.length, captured.map((q) => q.slice(0, 60).replace(/\s+/g, ' ')).join(' | ').slice(0, 600));
  }
}
await db.close();
