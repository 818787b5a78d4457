// Every download through a real HTTP server (@hono/node-server's request
// listener, started by src/http/server.ts) on the shipped data plus 1,000
// agreements imported through the exchange format (the JSON export is then
// larger than the 2 MB the response cache keeps of an answer): 20 clients at once get the same bytes as one alone,
// clients that stop reading half-way or go away hold nothing, and other
// requests are answered meanwhile.
import { createHash } from 'node:crypto';
import { request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { startServer } from '../../src/http/server.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';
import { importGeneratedAgreements } from '../support/many-agreements.ts';

const DOWNLOADS = [
  '/api/export.json',
  '/api/exchange/agreements.csv',
  '/api/exchange/agreements.csv?sep=semicolon',
  '/api/exchange/actors.csv',
  '/api/exchange/counterparts.csv',
  '/api/exchange/sources.csv',
  '/api/exchange/register.json',
  '/api/exchange/register.xlsx',
  '/api/exchange/template.xlsx',
  '/api/agreements.csv',
];

let t: TestDatabase;
let server: Server;
let port: number;
beforeAll(async () => {
  t = await openTestDatabase();
  await importGeneratedAgreements(systemCtx(t), 1_000, 'downloads');
  const app = createApp(t.database, undefined, { publicUrl: 'http://ortsband.test' });
  server = startServer(app, { port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
}, 300_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

/**
 * The time of writing is the one part that differs between two downloads of
 * the same register: the JSON export's generatedAt, and the XLSX's zip
 * entries' modification times (local headers and central directory).
 */
function comparable(path: string, body: Buffer): Buffer {
  if (path === '/api/export.json') return Buffer.from(body.toString('utf8').replace(/^\{"generatedAt":"[^"]+"/, '{"generatedAt":""'));
  if (!path.endsWith('.xlsx')) return body;
  if (path === '/api/exchange/template.xlsx') return body.subarray(0, 0); // compared by its cells (templateCells)
  const copy = Buffer.from(body);
  for (let at = 0; at + 16 <= copy.length; at++) {
    if (copy.readUInt32LE(at) === 0x04034b50) copy.fill(0, at + 10, at + 14);
    else if (copy.readUInt32LE(at) === 0x02014b50) copy.fill(0, at + 12, at + 16);
  }
  return copy;
}
const digest = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** The template's properties carry the time it was written: its sheets and cells are what must not differ. */
async function templateCells(body: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheets: unknown[] = [];
  workbook.eachSheet((sheet) => sheets.push([sheet.name, sheet.getSheetValues()]));
  return JSON.stringify(sheets);
}

function get(path: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, resolve);
    req.on('error', reject);
    req.end();
  });
}

async function download(path: string): Promise<{ status: number; body: Buffer }> {
  const response = await get(path);
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode!, body: Buffer.concat(chunks) };
}

/** Reads until `bytes` have come, then stops reading and leaves the connection open; `close` ends it. */
async function readThenStall(path: string, bytes: number): Promise<{ close(): void }> {
  const response = await get(path);
  let read = 0;
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read >= bytes) {
        response.off('data', onData);
        response.pause();
        resolve();
      }
    };
    response.on('data', onData);
    response.on('end', () => resolve());
  });
  return { close: () => response.destroy() };
}

describe('downloads through a real server', () => {
  const single = new Map<string, { size: number; digest: string; cells: string }>();

  it('every download is complete alone', async () => {
    for (const path of DOWNLOADS) {
      const { status, body } = await download(path);
      expect(status, path).toBe(200);
      single.set(path, { size: body.length, digest: digest(comparable(path, body)), cells: path === '/api/exchange/template.xlsx' ? await templateCells(body) : '' });
    }
    expect(single.get('/api/export.json')!.size).toBeGreaterThan(2 * 1024 * 1024); // larger than the cache keeps
    expect(single.get('/api/exchange/agreements.csv')!.size).toBeGreaterThan(100_000);
  }, 300_000);

  it('20 clients at once get the same bytes as one alone, while others stop half-way or go away', async () => {
    const stalled = await Promise.all(DOWNLOADS.slice(0, 5).map((path) => readThenStall(path, Math.floor(single.get(path)!.size / 2))));
    // Clients that read half and vanish.
    const vanished = await Promise.all(DOWNLOADS.map((path) => readThenStall(path, Math.floor(single.get(path)!.size / 2))));
    for (const client of vanished) client.close();

    // Requests that need the database are answered while the stalled downloads wait.
    const list = await download('/api/agreements?pageSize=1&q=downloads');
    expect(list.status).toBe(200);
    expect((await download('/avtal/goteborg--shanghai')).status).toBe(200);

    const paths = Array.from({ length: 20 }, (_, i) => DOWNLOADS[i % DOWNLOADS.length]!);
    const results = await Promise.all(paths.map(async (path) => ({ path, ...(await download(path)) })));
    for (const { path, status, body } of results) {
      expect(status, path).toBe(200);
      // The template's properties hold the time of writing, whose length varies by a byte.
      if (path !== '/api/exchange/template.xlsx') expect(body.length, path).toBe(single.get(path)!.size);
      expect(digest(comparable(path, body)), path).toBe(single.get(path)!.digest);
      if (path === '/api/exchange/template.xlsx') expect(await templateCells(body)).toBe(single.get(path)!.cells);
    }
    for (const client of stalled) client.close();
    // And the server goes on answering, the database free.
    for (const path of ['/api/export.json', '/api/agreements?pageSize=1']) expect((await download(path)).status, path).toBe(200);
  }, 300_000);

  it('20 clients of the same large download at once, all complete and identical', async () => {
    const path = '/api/export.json';
    const results = await Promise.all(Array.from({ length: 20 }, () => download(path)));
    for (const { status, body } of results) {
      expect(status).toBe(200);
      expect(digest(comparable(path, body))).toBe(single.get(path)!.digest);
    }
  }, 300_000);
});

describe('requests as scripts send them', () => {
  /** Sends raw bytes and returns the status line and the body. */
  function raw(bytes: Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const [head, ...rest] = text.split('\r\n\r\n');
        resolve({ status: Number(head!.split(' ')[1]), body: rest.join('\r\n\r\n') });
      });
      socket.write(bytes);
    });
  }

  it('unencoded UTF-8 in a request line is explained, not answered with an empty 400', async () => {
    const answer = await raw(Buffer.from('GET /avtal?q=兰州 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 'utf8'));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('procentkodas');
    expect(answer.body).toContain('percent-encoded');
    // Encoded, the same search is answered.
    expect((await download(`/avtal?q=${encodeURIComponent('兰州')}`)).status).toBe(200);
  });

  it('odd Host headers and request lines get an answer with a body, never a 5xx', async () => {
    for (const host of ['evil.example', 'a b', '[zz', 'évil.example', '', 'x'.repeat(300), '127.0.0.1:99999']) {
      const answer = await raw(Buffer.from(`GET /avtal HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'utf8'));
      expect(answer.status, host).toBeLessThan(500);
      if (answer.status >= 400) expect(answer.body.length, host).toBeGreaterThan(0);
    }
    for (const line of ['GET /avtal\u0000 HTTP/1.1', 'GET /av tal HTTP/1.1', 'BREW /avtal HTTP/1.1', 'GET avtal HTTP/1.1', 'GET /avtal HTTP/9.9']) {
      const answer = await raw(Buffer.from(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'utf8'));
      expect(answer.status, line).toBeLessThan(500);
      expect(answer.status, line).toBeGreaterThanOrEqual(400);
      expect(answer.body.length, line).toBeGreaterThan(0);
    }
  });
});
