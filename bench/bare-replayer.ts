// The bench's side of the bare-SQL replay (bench/bare-replay.ts, the child
// process that runs the statements, says why it is a process of its own):
// captured statements in, one run of a named set at a time out.
import { fork } from 'node:child_process';
import path from 'node:path';
import type { BareAnswer, BareMessage, BareSetup } from './bare-replay.ts';
import type { Load } from './load.ts';

export type CapturedSets = Record<string, Array<Array<{ query: string; params: unknown[] }>>>;

/**
 * Replays the captured statements of each named set from `concurrency`
 * clients on a pool of `poolSize` connections, `requests` requests a run;
 * the sets named in `prepared` run as named (prepared) statements, as the
 * server sends them. One run per call of the returned function (of `requests` requests, or as many as it is given).
 */
export async function bareReplayer(url: string, statements: CapturedSets, options: { poolSize: number; concurrency: number; requests: number; prepared: string[] }) {
  const queries: string[] = [];
  const indexOf = new Map<string, number>();
  const sets: BareSetup['sets'] = {};
  for (const [name, list] of Object.entries(statements)) {
    sets[name] = list.map((set) =>
      set.map(({ query, params }) => {
        if (!indexOf.has(query)) indexOf.set(query, queries.push(query) - 1);
        return [indexOf.get(query)!, params] as [number, unknown[]];
      }),
    );
  }
  const child = fork(path.resolve('bench/bare-replay.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // One question at a time; the child's exit fails the one asked.
  let waiting: { resolve: (answer: BareAnswer) => void; reject: (error: Error) => void } | null = null;
  child.on('message', (answer: BareAnswer) => waiting?.resolve(answer));
  child.on('exit', (code) => waiting?.reject(new Error(`bench: the bare-SQL client exited with ${code}`)));
  const ask = (message: BareMessage) =>
    new Promise<BareAnswer>((resolve, reject) => {
      waiting = { resolve, reject };
      child.send(message);
    });
  await ask({ setup: { url, poolSize: options.poolSize, concurrency: options.concurrency, requests: options.requests, queries, sets, prepared: options.prepared } });
  const replay = async (name: string, requests?: number): Promise<Load> => {
    const answer = await ask({ run: name, requests });
    if ('error' in answer) throw new Error(`bench: bare SQL ${name}: ${answer.error}`);
    if (!('result' in answer)) throw new Error(`bench: bare SQL ${name}: no result`);
    return answer.result;
  };
  return Object.assign(replay, { close: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.send({ close: true }))) });
}
