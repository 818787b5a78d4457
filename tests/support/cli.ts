// Runs `ortsband …` (src/cli/main.ts) in a child process, as a user does,
// and returns its exit code and output.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function ortsband(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const result = await run(path.resolve('node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
    // The same Node as the tests (24), whatever the machine's is.
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` },
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}
