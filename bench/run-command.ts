// Runs `ortsband …` as the benchmark measures it: a child process as a user
// runs it, timed from spawn to exit, with the child's peak RSS as the kernel
// counted it (report-peak-rss.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface CommandRun {
  seconds: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `ortsband …` as `npx ortsband` does: bin/ortsband.js by its shebang
 * (with its V8 flags), one Node process, so the RSS is the command's own.
 * report-peak-rss.ts is preloaded through NODE_OPTIONS (Node 24 strips its types).
 */
export function runOrtsband(args: string[]): Promise<CommandRun> {
  const started = performance.now();
  const child = spawn(path.resolve('bin/ortsband.js'), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`, NODE_OPTIONS: `--import ${path.resolve('bench/report-peak-rss.ts')}` },
  });
  let stdout = '';
  let stderr = '';
  let peakRssKb: number | null = null;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString().replace(/^peak-rss-kb=(\d+)\n/m, (_, kb: string) => {
      peakRssKb = Number(kb);
      return '';
    });
    stderr += text;
    process.stderr.write(text); // the progress lines
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`ortsband ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`));
      if (peakRssKb === null) return reject(new Error(`ortsband ${args.join(' ')} did not report its peak RSS`));
      resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peakRssKb / 1024), stdout, stderr });
    });
  });
}

