// Runs `ortsband …` in a child process, as a user does (bin/ortsband.js by
// its shebang, with its V8 flags, on the tests' Node), and returns its exit
// code and output.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The environment a child `ortsband` needs: the same Node as the tests (24), whatever the machine's is. */
export const cliEnv = () => ({ ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` });
export const ORTSBAND_BIN = path.resolve('bin/ortsband.js');

export async function ortsband(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const result = await run(ORTSBAND_BIN, args, {
    env: cliEnv(),
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}
