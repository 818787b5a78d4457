// Databases on a PostgreSQL server, made and dropped by the tests and the
// benchmark: each works in a database of its own beside the one the URL
// names (`test` in CI).
import pg from 'pg';

/** Runs one statement on the server `serverUrl` points at, on a connection of its own, and returns its rows. */
export async function onServer<T extends pg.QueryResultRow = pg.QueryResultRow>(serverUrl: string, statement: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<T>(statement, params)).rows;
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the server `serverUrl` points at. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const createDatabase = (serverUrl: string, name: string) => onServer(serverUrl, `create database ${name}`);
export const dropDatabase = (serverUrl: string, name: string) => onServer(serverUrl, `drop database if exists ${name} with (force)`);
