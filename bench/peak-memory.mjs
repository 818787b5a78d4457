// Loaded into a benchmarked child process (node --import): on exit it reports
// the process's own peak resident memory, measured by the kernel.
process.on('exit', () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`));
