// A progress bar for long work on the command line. It appears only once the
// work has run for a second, writes to stderr (stdout stays clean for data),
// and prints a plain line now and then when stderr is not a terminal.
import { SingleBar } from 'cli-progress';

export type Progress = (done: number, total: number) => void;

export function progressBar(label: string): { update: Progress; stop: () => void } {
  const started = Date.now();
  let bar: SingleBar | null = null;
  let lastLine = 0;
  const tty = process.stderr.isTTY === true;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < 1000) return;
      if (tty) {
        if (!bar) {
          bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted}`, stream: process.stderr, hideCursor: true });
          bar.start(total, done);
        }
        bar.setTotal(total);
        bar.update(done);
      } else if (now - lastLine >= 5000 || done === total) {
        lastLine = now;
        process.stderr.write(`${label}: ${done}/${total}\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Runs work that reports progress through a bar labelled `label`. */
export async function withProgress<T>(label: string, work: (progress: Progress) => Promise<T>): Promise<T> {
  const bar = progressBar(label);
  try {
    return await work(bar.update);
  } finally {
    bar.stop();
  }
}
