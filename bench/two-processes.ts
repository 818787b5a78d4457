// Two processes on one PGlite folder, many rounds (issue 18's quality bar):
// a server and commands beside it, two imports at once, a holder killed with
// SIGKILL, and a killed holder whose lock names another machine (taken over
// only after the stale period). After every round the folder is opened and
// every agreement of every import that exited 0 is looked for.
//
//   npx tsx bench/two-processes.ts [--rounds=100] [--rows=100] [--json=var/two-processes.json]
//
// Prints one line per round and a summary; exits 1 if any write was lost, a
// stray write found, the folder did not open, or a process did other than
// it should.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPrepared } from '../src/cli/prepare.ts';
import { writeBackup } from '../src/db/backup.ts';
import { STALE_MS } from '../src/db/folder-lock.ts';
import { killedHolderRound, serverRound, staleLockRound, twoImportsRound, type Round, type ServerCommand, type Setting } from '../tests/support/two-processes.ts';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const ROUNDS = Number(args.rounds ?? 100);
const ROWS = Number(args.rows ?? 100);

// Each server round puts two commands beside the server, in turn.
const PAIRS: ServerCommand[][] = [
  ['import', 'backup'],
  ['restore', 'stats'],
  ['export', 'serve'],
  ['import', 'stats'],
  ['backup', 'restore'],
];

/** Of every ten rounds: four with a server, four with two imports, one killed holder, and one stale lock (the last only every 20th: it waits out the stale period). */
function roundOf(setting: Setting, i: number): Promise<Round> {
  const id = `r${i}`;
  switch (i % 10) {
    case 0:
    case 3:
    case 5:
    case 8:
      return serverRound(setting, id, PAIRS[Math.floor(i / 2) % PAIRS.length]!);
    case 9:
      return i % 20 === 19 ? staleLockRound(setting, id, { wait: true }) : killedHolderRound(setting, id);
    case 6:
      return killedHolderRound(setting, id);
    default:
      return twoImportsRound(setting, id);
  }
}

const folder = await mkdtemp(path.join(tmpdir(), 'ortsband-two-processes-'));
const dataDir = path.join(folder, 'pglite');
const backup = path.join(folder, 'shipped.ndjson.gz');
const { database } = await openPrepared({ kind: 'pglite', dataDir });
await writeBackup(database, backup);
await database.close();
const setting: Setting = { dataDir, scratch: folder, backup, rows: ROWS };

const rounds: Round[] = [];
const started = performance.now();
try {
  for (let i = 0; i < ROUNDS; i++) {
    const round = await roundOf(setting, i);
    rounds.push(round);
    console.error(
      `round ${i + 1}/${ROUNDS} ${round.kind}: ${round.refused} refused, ${round.ranAlone ? 'ran one after the other, ' : ''}lost ${round.lostWrites}, stray ${round.strayWrites}, ` +
        `folder ${round.opened ? 'opened' : 'DID NOT OPEN'}${round.takeoverSeconds !== undefined ? `, taken over ${round.takeoverSeconds.toFixed(1)} s after the kill` : ''}, ${round.seconds.toFixed(1)} s` +
        (round.unexpected.length ? `\n  UNEXPECTED: ${round.unexpected.join('\n  ')}` : ''),
    );
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}

const byKind = new Map<string, Round[]>();
for (const r of rounds) byKind.set(r.kind.startsWith('server') ? 'server + commands' : r.kind, [...(byKind.get(r.kind.startsWith('server') ? 'server + commands' : r.kind) ?? []), r]);
const sum = (rs: Round[], f: (r: Round) => number) => rs.reduce((a, r) => a + f(r), 0);
const summary = {
  rounds: rounds.length,
  rowsPerImport: ROWS,
  staleMs: STALE_MS,
  minutes: Math.round((performance.now() - started) / 6000) / 10,
  refused: sum(rounds, (r) => r.refused),
  ranOneAfterTheOther: sum(rounds, (r) => r.ranAlone),
  lostWrites: sum(rounds, (r) => r.lostWrites),
  strayWrites: sum(rounds, (r) => r.strayWrites),
  folderOpened: rounds.filter((r) => r.opened).length,
  unexpected: rounds.flatMap((r) => r.unexpected),
  kinds: Object.fromEntries(
    [...byKind].map(([kind, rs]) => [
      kind,
      {
        rounds: rs.length,
        refused: sum(rs, (r) => r.refused),
        ranOneAfterTheOther: sum(rs, (r) => r.ranAlone),
        ...(rs[0]!.takeoverSeconds !== undefined ? { takeoverSeconds: rs.map((r) => Math.round(r.takeoverSeconds! * 10) / 10) } : {}),
        medianSeconds: Math.round(rs.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(rs.length / 2)]! * 10) / 10,
      },
    ]),
  ),
};
console.log(JSON.stringify(summary, null, 2));
if (args.json) {
  await mkdir(path.dirname(args.json), { recursive: true });
  await writeFile(args.json, JSON.stringify(summary, null, 2));
}
process.exit(summary.lostWrites || summary.strayWrites || summary.folderOpened < rounds.length || summary.unexpected.length ? 1 : 0);
