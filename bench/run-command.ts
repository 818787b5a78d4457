// Runs `ortsband …` as the benchmark measures it: a child process as a user
// runs it, timed from spawn to exit, with the child's peak RSS as the kernel
// counted it (report-peak-rss.ts).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface CommandRun {
  seconds: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

/** Runs `ortsband …` in one Node process (no tsx wrapper, so the RSS is the command's own). */
export function runOrtsband(args: string[]): Promise<CommandRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './bench/report-peak-rss.ts', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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

