// Closed-loop HTTP load on a server started for a benchmark (bench/load.ts),
// with what the server's process tree and PostgreSQL spent in CPU per
// request (bench/process-tree.ts): on these shared two-core machines a p95
// says little without it. Used by the follow-up and coordination parts.
import { Agent, request } from 'undici';
import { load, median, medianLoad, type Load } from './load.ts';
import { postgresCpuMs, treeCpuMs } from './process-tree.ts';

export interface Measured extends Load {
  serverCpuMsPerRequest: number;
  /** PostgreSQL's CPU per request (every postgres process on the machine). */
  postgresCpuMsPerRequest: number;
}

export interface ServerLoad {
  /** One request, its body read to the end. */
  fetchTimed: (path: string, headers: Record<string, string>) => Promise<{ ok: boolean; bytes: number; status: number }>;
  /** `total` requests from `clients` clients (the load's own by default), each `one(i)`; true when it answered as expected. */
  measure: (total: number, one: (i: number) => Promise<boolean>, clients?: number) => Promise<Measured>;
  close: () => Promise<void>;
}

/** Load on the server at `url` (its process `pid`) over `database` on PostgreSQL, from `clients` kept-alive connections. */
export function serverLoad(server: { url: string; pid: number }, database: string, clients: number): ServerLoad {
  const dispatcher = new Agent({ connections: clients, pipelining: 1 });
  const fetchTimed = async (path: string, headers: Record<string, string>) => {
    const response = await request(`${server.url}${path}`, { dispatcher, headers });
    const body = Buffer.from(await response.body.arrayBuffer());
    return { ok: response.statusCode === 200, bytes: body.length, status: response.statusCode };
  };
  const measure = async (total: number, one: (i: number) => Promise<boolean>, concurrency = clients): Promise<Measured> => {
    const cpu = treeCpuMs(server.pid);
    const pg = postgresCpuMs(database);
    const measured = await load(concurrency, total, one);
    const perRequest = (ms: number) => Math.round((ms / total) * 10) / 10;
    return { ...measured, serverCpuMsPerRequest: perRequest(treeCpuMs(server.pid) - cpu), postgresCpuMsPerRequest: perRequest(postgresCpuMs(database) - pg) };
  };
  return { fetchTimed, measure, close: () => dispatcher.close() };
}

/** The median of each figure over runs, with each run's p95. */
export const medianMeasured = (all: Measured[]) => ({
  ...medianLoad(all),
  serverCpuMsPerRequest: median(all.map((m) => m.serverCpuMsPerRequest)),
  postgresCpuMsPerRequest: median(all.map((m) => m.postgresCpuMsPerRequest)),
  runsP95: all.map((m) => Number(m.p95.toFixed(1))),
});
