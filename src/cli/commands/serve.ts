import type { Command } from 'commander';
import pino from 'pino';
import { env } from '../../env.ts';
import { targetOf } from '../database.ts';
import { openPrepared } from '../prepare.ts';
import type { Context } from '../../domain/context.ts';
import { keptBundles } from '../../domain/maps/bundles.ts';
import { loadStatAgreements } from '../../domain/statistics/load.ts';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('migrate, load the shipped data into an empty database, and serve the register over HTTP')
    .option('--port <port>', 'HTTP port (default: PORT or 3000)')
    .action(async (options: { port?: string }) => {
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
      // What the statistics and maps keep in memory is read before anyone asks
      // for it (seconds at the benchmark's 100,000 agreements); a request that
      // comes meanwhile waits for the same read.
      const anonymous: Context = { db: database.db, principal: { kind: 'anonymous' } };
      void Promise.all([loadStatAgreements(anonymous), keptBundles(anonymous, undefined, null)]).catch((err: unknown) => log.warn({ err }, 'could not read the register ahead'));
      const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await new Promise(() => {}); // serves until stopped
    });
}
