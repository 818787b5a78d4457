// What a load run reports, and the machine's CPU steal during it.
import { readFileSync } from 'node:fs';
import { performance, PerformanceObserver } from 'node:perf_hooks';

export interface Load {
  p50: number;
  p95: number;
  errors: number;
  requests: number;
  /** Of the machine's CPU time during the run, the share the hypervisor gave to others (steal, /proc/stat): these are shared virtual machines, and a run with much steal measured the neighbours too. */
  stealPercent?: number;
  /** CPU the load generator itself spent per request, in ms: it runs on the cores the server uses. */
  clientCpuMs?: number;
  /** A load run in this process (the bare SQL): its garbage collections' pauses during the run, in ms, all together and the longest, which every request then in flight waits out. */
  clientGcMs?: number;
  clientGcMaxMs?: number;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** The machine's CPU counters: all ticks, and stolen ones. */
export function cpuTicks(): { total: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}

/** The share of CPU time stolen since `before`, in percent. */
export function stealSince(before: { total: number; steal: number }): number {
  const after = cpuTicks();
  return Math.round((1000 * (after.steal - before.steal)) / Math.max(1, after.total - before.total)) / 10;
}

/** A closed loop in this process: `concurrency` clients each send their next request when the last one answered. */
export async function load(concurrency: number, total: number, one: (i: number) => Promise<boolean>): Promise<Load> {
  const before = cpuTicks();
  const cpuBefore = process.cpuUsage();
  const pauses: number[] = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const started = performance.now();
        const ok = await one(i).catch(() => false);
        times.push(performance.now() - started);
        if (!ok) errors++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  gc.disconnect();
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    errors,
    requests: total,
    stealPercent: stealSince(before),
    clientCpuMs: round3((cpu.user + cpu.system) / 1000 / total),
    clientGcMs: round3(pauses.reduce((a, b) => a + b, 0)),
    clientGcMaxMs: round3(Math.max(0, ...pauses)),
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** CPU time of this process's ended children (wrk), in ms: /proc/self/stat's cutime and cstime. */
export function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // in clock ticks of 1/100 s
}

/** CPU ms per request from a children's CPU reading before a run. */
export const childCpuPerRequest = (beforeMs: number, requests: number) => round3((childrenCpuMs() - beforeMs) / Math.max(1, requests));

/** The median of each figure over runs; errors and requests summed. */
export function medianLoad(runs: Load[]): Load {
  return {
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    stealPercent: Math.max(...runs.map((r) => r.stealPercent ?? 0)),
    ...(runs.every((r) => r.clientCpuMs !== undefined) ? { clientCpuMs: median(runs.map((r) => r.clientCpuMs!)) } : {}),
  };
}
