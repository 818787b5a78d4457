import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import pino from 'pino';
import { env } from '../../env.ts';
import { collectGarbage } from '../collect-garbage.ts';
import { targetOf } from '../database.ts';
import { openPrepared } from '../prepare.ts';
import type { Context } from '../../domain/context.ts';
import { keptBundles } from '../../domain/maps/bundles.ts';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('migrate, load the shipped data into an empty database, and serve the register over HTTP')
    .option('--port <port>', 'HTTP port (default: PORT or 3000)')
    .action(async (options: { port?: string }) => {
      // The server's heap grows to three times what its last full collection
      // kept before the next one, whether it runs as `npm start` or as
      // `npx ortsband serve` (whose shebang sets 50 % for the commands'
      // memory). With about 640 MB live at the benchmark's scale, V8's own
      // factor (1.2–1.5) kept the server marking under load: a major
      // collection every 5–15 s with 370–610 ms of marking (README, "Caches,
      // and what the benchmark measures"). V8 reads the flag whenever it sets
      // the next limit, so setting it here takes effect: in a script keeping
      // 4,000,000 objects and churning old garbage, 9 major collections with
      // 50 %, 4 with 200 % from the start, 3 with 200 % set at run time.
      //
      // The young generation is set where the process starts, not here (V8
      // sizes it once): 16 MB semi-spaces in package.json's start script, 8
      // in bin/ortsband.js. With Node 24's default (32 MB at this machine's
      // memory) the server under the list's load, after a full collection,
      // fell into promoting 6.6 MB of every young collection into the old
      // generation, each pausing 21 ms on average (up to 30); the list's p95
      // was 48.6–53.2 ms. With 16 MB nothing was promoted, pauses were 2.4–2.8
      // ms and the p95 36.6–40.9 ms (alternating runs; README).
      setFlagsFromString('--heap-growing-percent=200');
      // Loaded here, not at the top: the other commands start without the web app.
      const [{ serve }, { createApp }] = await Promise.all([import('@hono/node-server'), import('../../app.ts')]);
      const config = env();
      const log = pino({ level: config.LOG_LEVEL });
      const started = Date.now();
      const { database, seeded } = await openPrepared(targetOf(program.opts().database));
      if (seeded) log.info({ seeded }, 'loaded the shipped data');
      const app = createApp(database, log);
      const port = options.port ? Number(options.port) : config.PORT;
      const server = serve({ fetch: app.fetch, port, hostname: config.HOST }, (info) => {
        log.info(`Ortsband is at http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${info.port}/ (ready in ${Date.now() - started} ms, ${database.target})`);
      });
      // What the statistics and maps keep in memory is read, and the start
      // page and the statistics page counted from it, before anyone asks
      // (seconds at the benchmark's 100,000 agreements, and 177 MB of what the
      // statistics derive); a request that comes meanwhile waits for the same
      // read. The two pages are asked for as a visitor would, so what they
      // keep is what a visitor's request would have kept.
      //
      // Then a full garbage collection: the read leaves hundreds of MB of
      // garbage beside what it keeps, which V8 otherwise collects whenever the
      // heap next grows, in the first minute of serving, as one pause of 350 ms
      // or more that every request then in flight waits out (README, "Caches,
      // and what the benchmark measures"). Collected here, the pause comes
      // while the server is still warming up.
      const anonymous: Context = { db: database.db, principal: { kind: 'anonymous' } };
      const visit = async (path: string) => {
        const response = await app.fetch(new Request(`http://localhost${path}`));
        if (!response.ok) throw new Error(`${path} answered ${response.status}`);
        await response.arrayBuffer();
      };
      void Promise.all([visit('/').then(() => visit('/statistik')), keptBundles(anonymous, undefined, null)])
        .then(() => {
          const collecting = performance.now();
          collectGarbage();
          log.info({ ms: Math.round(performance.now() - collecting), heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) }, "collected the start-up read's garbage");
        })
        .catch((err: unknown) => log.warn({ err }, 'could not read the register ahead'));
      const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await new Promise(() => {}); // serves until stopped
    });
}
