// The bare SQL's client, in a process of its own: bench/run.ts forks it and
// asks it for one run at a time (so that its runs can alternate with the HTTP
// runs). In the bench's own process the replay's timings carried that
// process's garbage collections, of a heap that holds the generated register's
// keys and every result: pauses of up to 24 ms in one run of the page, which
// every request then in flight waited out, and which made the bare SQL look
// slower than it is.
//
// Each request replays one captured set of statements from `concurrency`
// clients on a pool of the server's size. The answers are taken as the text
// the database sends, unparsed: the client's own work (0.13–0.16 ms a list
// when pg parsed dates and arrays) would otherwise count as the database's.
import type pg from 'pg';
import { serverPool } from '../src/db/client.ts';
import { load, type Load } from './load.ts';

/** The captured statements, each query text once: sets of [index into queries, params]. */
export interface BareSetup {
  url: string;
  poolSize: number;
  concurrency: number;
  requests: number;
  queries: string[];
  sets: Record<string, Array<Array<[number, unknown[]]>>>;
  /** Scenarios whose statements run prepared (named), as the server runs them. */
  prepared: string[];
}

/** `requests`: this run's, instead of the setup's. */
export type BareMessage = { setup: BareSetup } | { run: string; requests?: number } | { close: true };
export type BareAnswer = { ready: true } | { result: Load } | { error: string };

const send = (answer: BareAnswer) => process.send!(answer);

let setup: BareSetup;
let pool: pg.Pool;
const raw = { types: { getTypeParser: () => (value: string) => value }, rowMode: 'array' as const };

function replay(name: string, requests = setup.requests): Promise<Load> {
  const sets = setup.sets[name]!;
  const prepared = setup.prepared.includes(name);
  return load(setup.concurrency, requests, async (i) => {
    for (const [query, values] of sets[i % sets.length]!) {
      const text = setup.queries[query]!;
      await pool.query(prepared ? { ...raw, name: `bare_${query}`, text, values } : { ...raw, text, values });
    }
    return true;
  });
}

process.on('message', (message: BareMessage) => {
  if ('setup' in message) {
    setup = message.setup;
    pool = serverPool(setup.url, setup.poolSize);
    send({ ready: true });
  } else if ('run' in message) {
    replay(message.run, message.requests).then(
      (result) => send({ result }),
      (error: unknown) => send({ error: String(error) }),
    );
  } else {
    void pool.end().then(() => process.exit(0));
  }
});
