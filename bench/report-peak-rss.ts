// Preloaded into a command the benchmark measures (node --import): prints the
// process's peak resident set size, as the kernel counted it, when it exits.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  // maxRSS is in kilobytes; written synchronously, since the process is ending.
  writeSync(2, `peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
