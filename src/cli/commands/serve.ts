import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import pino from 'pino';
import { env } from '../../env.ts';
import { collectGarbage } from '../../http/collect-garbage.ts';
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
      // The heap may grow to one and a half times what the last full
      // collection kept (as under `npx ortsband serve`, whose shebang sets
      // the same for the commands; npm start's does not). V8's own factor
      // goes up to four: with about 260 MB live at the benchmark's scale the
      // server then stood at 1 GB resident. Three times (what the server ran
      // with while it kept 640 MB) stood at 926 MB after rounds of the
      // statistics; this, at 500–660 MB before V8's memory reducer gives back
      // what it collected when the server falls idle (docs/performance.md).
      // V8 reads the flag whenever it sets its next limit. The young
      // generation cannot be set here (V8 sizes it at start): 16 MB in the
      // start script, against the 6.6 MB promoted at every young collection
      // with Node's 32 MB.
      setFlagsFromString('--heap-growing-percent=50');
      // Loaded here, not at the top: the other commands start without the web app.
      const [{ startServer }, { createApp }, { mailerFromEnv }, { scheduleReminders }, { configuredOrigin }, { todayInStockholm }] = await Promise.all([
        import('../../http/server.ts'),
        import('../../app.ts'),
        import('../../mail/mailer.ts'),
        import('../../domain/reminders/schedule.ts'),
        import('../../http/public-url.ts'),
        import('../../web/format.ts'),
      ]);
      const config = env();
      const log = pino({ level: config.LOG_LEVEL });
      const started = Date.now();
      const { database, seeded } = await openPrepared(targetOf(program.opts().database));
      if (seeded) log.info({ seeded }, 'loaded the shipped data');
      const app = createApp(database, log);
      const port = options.port ? Number(options.port) : config.PORT;
      // startServer: requests Node refuses before the app sees them (raw UTF-8, a bad Host) get a body saying why.
      const server = startServer(app, { port, hostname: config.HOST }, (info) => {
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
      // or more that every request then in flight waits out (docs/performance.md, "Caches,
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
      // The reminder e-mails, when there is an SMTP server to send them through (reminders/schedule.ts).
      const mailer = mailerFromEnv();
      const stopReminders =
        mailer && config.REMINDER_INTERVAL_MINUTES > 0
          ? scheduleReminders({ db: database.db, mailer, origin: configuredOrigin({ publicUrl: config.PUBLIC_URL, host: config.HOST, port }), today: todayInStockholm, intervalMs: config.REMINDER_INTERVAL_MINUTES * 60_000, log })
          : () => {};
      const stop = () => {
        stopReminders();
        server.close(() => void database.close().then(() => process.exit(0)));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await new Promise(() => {}); // serves until stopped
    });
}
