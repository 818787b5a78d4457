// What a server process and every process under it use (npm start runs tsx,
// which runs the server): resident memory and CPU time, from /proc.
import { readFileSync, readdirSync } from 'node:fs';

function treeOf(pid: number): number[] {
  const ids: number[] = [];
  const visit = (id: number) => {
    ids.push(id);
    try {
      for (const task of readdirSync(`/proc/${id}/task`)) {
        for (const child of readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) visit(Number(child));
      }
    } catch {
      /* gone meanwhile */
    }
  };
  visit(pid);
  return ids;
}

/**
 * Resident memory of the tree's largest process, in MB: the server itself
 * (npm and tsx, which start it, hold about 60 MB each).
 */
export function serverRssMb(pid: number): number {
  let kb = 0;
  for (const id of treeOf(pid)) {
    try {
      kb = Math.max(kb, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0));
    } catch {
      /* gone meanwhile */
    }
  }
  return Math.round(kb / 1024);
}

/** Resident memory of the tree, in MB. */
export function treeRssMb(pid: number): number {
  let kb = 0;
  for (const id of treeOf(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* gone meanwhile */
    }
  }
  return Math.round(kb / 1024);
}

/**
 * CPU time the tree has used so far (user and system), in ms, with that of
 * its processes that have ended and been waited for (counted in their
 * parent's cutime and cstime).
 */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const id of treeOf(pid)) {
    try {
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks * 10; // clock ticks of 1/100 s
}

/**
 * CPU time every PostgreSQL process on this machine has used so far (user and
 * system), in ms: the server's share of a load when nothing else uses it
 * meanwhile (the benchmark's machine). None when the server runs elsewhere.
 * `database`: only the backends connected to that database (their title
 * names it): on a machine where others' tests open and close connections,
 * the CPU of a backend that ends during a run leaves the sum, and the
 * difference can even go below zero. The server's pool keeps its backends,
 * so theirs is counted whole.
 */
export function postgresCpuMs(database?: string): number {
  let ticks = 0;
  for (const id of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
      if (database !== undefined && !readFileSync(`/proc/${id}/cmdline`, 'utf8').includes(` ${database} `)) continue;
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks * 10;
}
