// HTTP load from wrk (Debian's package, written in C), run beside the server
// on the same two cores: a closed loop of `connections` clients, each sending
// its next request when the last one answered, through a list of paths.
//
// The benchmark's clients were undici's request() in Node before: they spent
// 0.19–0.43 ms of CPU per request (measured from /proc), as much as half of
// what the server spent, on cores the server shares; wrk spends about a
// tenth of that, so the figures are the server's, as a client elsewhere on
// the network would see them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { childCpuPerRequest, childrenCpuMs, cpuTicks, stealSince, type Load } from './load.ts';

const SCRIPT = String.raw`
local paths, headers, expected = {}, {}, tonumber(os.getenv("WRK_EXPECT"))
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
for line in io.lines(os.getenv("WRK_HEADERS")) do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end
local counter = 0
unexpected = 0 -- a global: done() reads it from each thread
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter - 1) % #paths + 1])
end
response = function(status)
  if status ~= expected then unexpected = unexpected + 1 end
end
local threads = {}
setup = function(thread) threads[#threads + 1] = thread end
done = function(summary, latency)
  local wrong = 0
  for _, thread in ipairs(threads) do wrong = wrong + thread:get("unexpected") end
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('{"p50":%.3f,"p95":%.3f,"requests":%d,"errors":%d}\n',
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests, wrong + failed))
end
`;

/** wrk, installed from Debian's packages when it is missing and this runs as root (as .ci/run installs Chromium). */
export function ensureWrk(): void {
  const found = () => spawnSync('wrk', ['--version']).error === undefined;
  if (found()) return;
  if (process.getuid?.() === 0) {
    console.error('bench: installing wrk (apt-get install wrk)');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!found()) throw new Error('bench: wrk is needed for the HTTP load (apt-get install wrk)');
}

/**
 * `connections` clients for `seconds` against `base`, cycling through
 * `paths`; an answer with another status than `expect` counts as an error.
 */
export async function wrkLoad(base: string, paths: string[], options: { seconds: number; connections: number; headers?: Record<string, string>; expect?: number }): Promise<Load> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ortsband-wrk-'));
  try {
    await writeFile(path.join(dir, 'load.lua'), SCRIPT);
    await writeFile(path.join(dir, 'paths'), paths.join('\n') + '\n');
    await writeFile(path.join(dir, 'headers'), Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}\n`).join(''));
    const before = cpuTicks();
    const cpuBefore = childrenCpuMs();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', path.join(dir, 'load.lua'), base], {
        env: { ...process.env, WRK_PATHS: path.join(dir, 'paths'), WRK_HEADERS: path.join(dir, 'headers'), WRK_EXPECT: String(options.expect ?? 200) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('error', reject);
      child.once('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}: ${out}`))));
    });
    const line = output.split('\n').find((l) => l.startsWith('{"p50"'));
    if (!line) throw new Error(`wrk printed no result:\n${output}`);
    const result = JSON.parse(line) as Pick<Load, 'p50' | 'p95' | 'requests' | 'errors'>;
    return { ...result, stealPercent: stealSince(before), clientCpuMs: childCpuPerRequest(cpuBefore, result.requests) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
