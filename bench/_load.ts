// scratch: closed-loop load for profiling
import { Agent, request } from 'undici';
const [url, totalS, clientsS, cookie] = process.argv.slice(2);
const total = Number(totalS), clients = Number(clientsS);
const dispatcher = new Agent({ connections: clients, pipelining: 1 });
let n = 0; const times: number[] = [];
const started = performance.now();
await Promise.all(Array.from({ length: clients }, async () => {
  while (n < total) { n++; const t = performance.now(); const r = await request(url!, { dispatcher, headers: cookie ? { cookie } : {} }); await r.body.arrayBuffer(); if (r.statusCode !== 200) throw new Error(String(r.statusCode)); times.push(performance.now() - t); }
}));
times.sort((a, b) => a - b);
console.log(JSON.stringify({ rps: Math.round(total / ((performance.now() - started) / 1000)), p50: times[Math.floor(times.length / 2)]!.toFixed(1), p95: times[Math.floor(times.length * 0.95)]!.toFixed(1) }));
await dispatcher.close();
