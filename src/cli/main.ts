#!/usr/bin/env node
// The command line: `ortsband serve | migrate | seed`. Import, export, backup
// and restore come with the transfer work (issue 4).
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../app.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { env } from '../env.ts';
import { openPrepared, seedShippedData, targetFromEnv } from './prepare.ts';
import { buildSnapshot } from './snapshot.ts';

const USAGE = `Usage: ortsband <command>

Commands:
  serve     migrate, load the shipped data into an empty database, and serve
  migrate   run the SQL migrations
  seed      load the shipped data (into an empty, migrated database)
  snapshot  build the PGlite image of the shipped data that a first start loads

Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (PostgreSQL; unset = PGlite),
DATA_DIR (./var/pglite, the PGlite folder), LOG_LEVEL (info).`;

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = env();
  const log = pino({ level: config.LOG_LEVEL });
  if (command === 'serve') {
    const started = Date.now();
    const { database, seeded } = await openPrepared(targetFromEnv(config));
    if (seeded) log.info({ seeded }, 'loaded the shipped data');
    const app = createApp(database, log);
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      log.info(`Ortsband is at http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${info.port}/ (ready in ${Date.now() - started} ms, ${database.target})`);
    });
    const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1; // keeps running
  }
  if (command === 'snapshot') {
    console.log(`built ${await buildSnapshot()}`);
    return 0;
  }
  if (command === 'migrate' || command === 'seed') {
    const database = await openDatabase(targetFromEnv(config));
    try {
      await migrate(database);
      if (command === 'seed') console.log(JSON.stringify(await seedShippedData(database)));
      return 0;
    } finally {
      await database.close();
    }
  }
  console.error(`Unknown command '${command}'.\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
