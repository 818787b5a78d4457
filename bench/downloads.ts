// Anonymous downloads of every export from a running server (`npm start`, as
// shipped) on the generated register: each export alone, then 20 clients of
// it at once beside clients that read half and vanish and clients that read
// half and stall, while a probe asks for an uncached list every 250 ms.
// Reports per export: its size, the time alone, the time of the 20, the CPU
// time the server (with the processes under it) used in each, whether every
// complete download was byte-identical to the one alone (the JSON export's
// generatedAt and the XLSX zip entries' times set aside), the probe's answers
// meanwhile, and the resident memory of the server with the processes under
// it: before and at its peak while the one client alone has the download
// built, then before, at its peak during the round of 20 and after.
import { createHash } from 'node:crypto';
import { request, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './load.ts';
import { treeCpuMs, treeRssMb } from './process-tree.ts';

export const DOWNLOADS = [
  '/api/export.json',
  '/api/exchange/agreements.csv',
  '/api/exchange/actors.csv',
  '/api/exchange/counterparts.csv',
  '/api/exchange/sources.csv',
  '/api/exchange/register.json',
  '/api/exchange/register.xlsx',
  '/api/agreements.csv',
];
const CLIENTS = 20;
const VANISHING = 5;
const STALLING = 2;

/** An XLSX's bytes with the zip entries' times set aside (they differ between downloads). */
function withoutZipTimes(body: Buffer): Buffer {
  const copy = Buffer.from(body);
  for (let at = 0; at + 16 <= copy.length; at++) {
    if (copy.readUInt32LE(at) === 0x04034b50) copy.fill(0, at + 10, at + 14);
    else if (copy.readUInt32LE(at) === 0x02014b50) copy.fill(0, at + 12, at + 16);
  }
  return copy;
}

function get(base: string, path: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers, agent: false }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/**
 * The whole body, hashed as it comes (a download of hundreds of MB is neither
 * held nor made one string). The JSON export's generatedAt, in its first
 * bytes, is blanked before hashing; an XLSX is a zip whose entry times are
 * set aside, so it alone is kept whole (it is tens of MB at most).
 */
async function download(base: string, path: string): Promise<{ status: number; bytes: number; digest: string }> {
  const response = await get(base, path);
  const hash = createHash('sha256');
  let bytes = 0;
  const zip = path.endsWith('.xlsx');
  const kept: Buffer[] = [];
  let head: Buffer | undefined = path === '/api/export.json' ? Buffer.alloc(0) : undefined;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (zip) kept.push(chunk);
    else if (head && head.length + chunk.length < 256) head = Buffer.concat([head, chunk]);
    else if (head) {
      hash.update(Buffer.from(Buffer.concat([head, chunk]).toString('latin1').replace(/^\{"generatedAt":"[^"]+"/, '{"generatedAt":""'), 'latin1'));
      head = undefined;
    } else hash.update(chunk);
  }
  if (head) hash.update(head);
  if (zip) hash.update(withoutZipTimes(Buffer.concat(kept)));
  return { status: response.statusCode!, bytes, digest: hash.digest('hex') };
}

async function readHalf(base: string, path: string, bytes: number): Promise<IncomingMessage> {
  const response = await get(base, path);
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
  return response;
}

/** `paths`: those of DOWNLOADS to measure (`--scenarios=` with --only=downloads), all by default. */
export async function benchDownloads(server: { url: string; pid: number }, paths: string[] = DOWNLOADS) {
  const unknown = paths.filter((path) => !DOWNLOADS.includes(path));
  if (unknown.length) throw new Error(`bench: no download ${unknown.join(', ')}; the downloads are ${DOWNLOADS.join(', ')}`);
  const results: Record<string, unknown> = {};
  for (const path of paths) {
    let started = performance.now();
    let cpuStarted = treeCpuMs(server.pid);
    // The build happens here, alone: its peak is the server's with the processes under it (the workbook's).
    const rssBeforeAlone = treeRssMb(server.pid);
    let rssPeakAlone = rssBeforeAlone;
    const samplingAlone = setInterval(() => (rssPeakAlone = Math.max(rssPeakAlone, treeRssMb(server.pid))), 250);
    const alone = await download(server.url, path).finally(() => clearInterval(samplingAlone));
    const aloneSeconds = (performance.now() - started) / 1000;
    const aloneCpuSeconds = (treeCpuMs(server.pid) - cpuStarted) / 1000;
    if (alone.status !== 200) throw new Error(`${path} answered ${alone.status}`);

    const rssBefore = treeRssMb(server.pid);
    let rssPeak = rssBefore;
    const sampling = setInterval(() => (rssPeak = Math.max(rssPeak, treeRssMb(server.pid))), 250);
    const probeTimes: number[] = [];
    let probeErrors = 0;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const at = performance.now();
        try {
          // A cookie bypasses the response cache: the probe needs the database.
          const response = await get(server.url, `/api/agreements?pageSize=1&page=${1 + (probeTimes.length % 50)}`, { cookie: 'bench=uncached' });
          for await (const _chunk of response) {
            // read to the end
          }
          if (response.statusCode === 200) probeTimes.push(performance.now() - at);
          else probeErrors++;
        } catch {
          probeErrors++;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();

    started = performance.now();
    cpuStarted = treeCpuMs(server.pid);
    const stalled = await Promise.all(Array.from({ length: STALLING }, () => readHalf(server.url, path, alone.bytes / 2)));
    const vanishing = Array.from({ length: VANISHING }, async () => (await readHalf(server.url, path, alone.bytes / 2)).destroy());
    const complete = await Promise.all(Array.from({ length: CLIENTS }, () => download(server.url, path)));
    await Promise.all(vanishing);
    const roundSeconds = (performance.now() - started) / 1000;
    const roundCpuSeconds = (treeCpuMs(server.pid) - cpuStarted) / 1000;
    for (const response of stalled) response.destroy();
    probing = false;
    await probe;
    clearInterval(sampling);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssAfter = treeRssMb(server.pid);

    const identical = complete.every((d) => d.status === 200 && d.bytes === alone.bytes && d.digest === alone.digest);
    results[path] = {
      megabytes: Math.round(alone.bytes / 1e5) / 10,
      aloneSeconds: Math.round(aloneSeconds * 10) / 10,
      [`${CLIENTS}AtOnceSeconds`]: Math.round(roundSeconds * 10) / 10,
      // The server's CPU (with its children's) beside the wall time: the machine is shared.
      cpuSeconds: { alone: Math.round(aloneCpuSeconds * 10) / 10, [`${CLIENTS}AtOnce`]: Math.round(roundCpuSeconds * 10) / 10 },
      allIdentical: identical,
      probe: { answered: probeTimes.length, errors: probeErrors, p50Ms: Math.round(percentile(probeTimes, 50)), p95Ms: Math.round(percentile(probeTimes, 95)), maxMs: Math.round(Math.max(0, ...probeTimes)) },
      rssMb: { beforeAlone: rssBeforeAlone, peakAlone: rssPeakAlone, before: rssBefore, peak: rssPeak, after: rssAfter },
    };
    console.error(`[downloads] ${path}: ${JSON.stringify(results[path])}`);
    if (!identical) throw new Error(`${path}: a download of the ${CLIENTS} differed from the one alone`);
  }
  return results;
}
