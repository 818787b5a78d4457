// One process per PGlite data folder. PGlite is Postgres in one process with
// no shared memory or file locks of its own: a second process that opens the
// same folder loses writes without a word and can leave the folder so that the
// next start fails (issue 18, point 1). So whoever opens a folder first holds
// a lock on it until it closes the folder or ends, and everyone else is refused.
//
// The lock is proper-lockfile's: a directory `<folder>.lock` beside the data
// folder (mkdir is atomic, also on network file systems), whose mtime its
// holder refreshes every UPDATE_MS. Inside it `owner.json` names the holder
// (pid, host, command, start), so a refusal can say who holds the folder, and
// a holder that was killed (SIGKILL, a power cut) is recognised on the same
// host at once: its process is gone, or its pid now belongs to a process that
// started at another time. Only a lock whose owner cannot be checked (another
// host, or no owner.json) goes by mtime: stale after STALE_MS without a
// refresh. A holder on this host that is alive holds the folder however old
// its mtime: PGlite runs a statement synchronously on the main thread, and a
// long one can keep the event loop, and so the refresh, waiting for longer
// than any stale period. See docs/pglite-lock.md.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs';
import { readFile, realpath, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock that nobody refreshed for this long, and whose owner cannot be checked, is taken over. */
export const STALE_MS = 30_000;
const UPDATE_MS = 5_000;
const OWNER_FILE = 'owner.json';

export interface FolderOwner {
  pid: number;
  host: string;
  /** What the holder runs, e.g. `ortsband serve`. */
  command: string;
  /** When it took the lock (ISO 8601). */
  since: string;
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat), to tell a reused pid. */
  processStart?: string;
  /** This taking of the lock, among all others. */
  token: string;
}

/** The folder is held by another process, or already open in this one. */
export class FolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    readonly owner: FolderOwner | null,
  ) {
    const holder = !owner
      ? 'another process'
      : owner.pid === process.pid && owner.host === hostname()
        ? 'this process already'
        : `\`${owner.command}\` (pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, since ${owner.since.slice(0, 19).replace('T', ' ')} UTC)`;
    super(
      `the database folder ${dataDir} is in use by ${holder}; PGlite lets one process at a time open a folder. ` +
        `Stop that process first, or run Ortsband on PostgreSQL (DATABASE_URL) when several processes must use the database (lock: ${lockPath})`,
    );
  }
}

export interface FolderLock {
  release(): Promise<void>;
}

/** Locks this process holds, by lock path: a second open of the same folder in one process is refused too. */
const held = new Set<string>();

/** Linux's start time of a process, or undefined where there is no /proc. */
function processStart(pid: number | 'self'): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; field 22 is the start time.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isRunning(owner: FolderOwner): boolean {
  if (owner.processStart !== undefined && fs.existsSync('/proc/self/stat')) {
    // Gone, or the pid now belongs to a process started at another time.
    return processStart(owner.pid) === owner.processStart;
  }
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What holds the lock: the owner, null when no lock, 'unnamed' when the lock has no readable owner yet. */
async function readOwner(lockPath: string): Promise<FolderOwner | null | 'unnamed'> {
  try {
    return JSON.parse(await readFile(path.join(lockPath, OWNER_FILE), 'utf8')) as FolderOwner;
  } catch {
    // A lock is taken by mkdir and named right after: between the two, or
    // after a crash between them, the folder has no owner.json.
    return fs.existsSync(lockPath) ? 'unnamed' : null;
  }
}

/**
 * The owner of a lock just found taken: its holder names it right after the
 * mkdir, so a lock without a name yet is read again for a moment (a second
 * process that lost the race would otherwise not say who holds the folder).
 */
async function namedOwner(lockPath: string): Promise<FolderOwner | null | 'unnamed'> {
  let owner = await readOwner(lockPath);
  for (let tries = 0; owner === 'unnamed' && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    owner = await readOwner(lockPath);
  }
  return owner;
}

/** Alive here, gone here, or on a host (or without an owner) that only the mtime can tell about. */
function ownerState(owner: FolderOwner | 'unnamed'): 'alive' | 'gone' | 'unknown' {
  if (owner === 'unnamed' || owner.host !== hostname()) return 'unknown';
  // This process does not hold the lock (`held` says so), so a lock in its
  // own pid is a previous process's: a container restarted, and its first
  // process got the same pid again.
  if (owner.pid === process.pid) return 'gone';
  return isRunning(owner) ? 'alive' : 'gone';
}

function describeSelf(): string {
  // The command line sets process.title to `ortsband <command>`.
  if (process.title && process.title !== 'node') return process.title;
  return ['node', ...process.argv.slice(1).map((arg, i) => (i === 0 ? path.relative(process.cwd(), arg) : arg))].join(' ').slice(0, 200);
}

/**
 * proper-lockfile's file system, with the owner written into the lock when it
 * is taken and removed with it. proper-lockfile sets the lock's mtime itself
 * after mkdir, so the write does not disturb its check that the mtime is
 * still its own.
 *
 * proper-lockfile takes a stale lock over by stat, rmdir, mkdir. Two
 * processes that found the same stale lock could both do that, the second
 * removing the lock the first had just made, and both would open the folder.
 * So a lock that is not this process's own is removed only if it is still
 * stale at the moment of removal (a new lock has a fresh mtime), in calls
 * that do not yield to the event loop: what remains is a window of a few
 * system calls.
 */
function ownerFs(owner: FolderOwner) {
  const ownerPath = (lockPath: string) => path.join(lockPath, OWNER_FILE);
  const isOwn = (lockPath: string) => {
    try {
      const found = JSON.parse(fs.readFileSync(ownerPath(lockPath), 'utf8')) as FolderOwner;
      return found.token === owner.token;
    } catch {
      return false;
    }
  };
  const removeLock = (lockPath: string) => {
    if (!isOwn(lockPath) && fs.statSync(lockPath).mtimeMs >= Date.now() - STALE_MS) {
      throw Object.assign(new Error(`${lockPath} was taken meanwhile`), { code: 'ELOCKED' });
    }
    fs.rmSync(ownerPath(lockPath), { force: true });
    fs.rmdirSync(lockPath);
  };
  return {
    ...fs,
    mkdir(lockPath: string, callback: (error: NodeJS.ErrnoException | null) => void) {
      fs.mkdir(lockPath, (error) => {
        if (error) return callback(error);
        // A lock that cannot name its owner is given up rather than left to go stale.
        fs.writeFile(ownerPath(lockPath), JSON.stringify(owner), (failed) => (failed ? fs.rm(lockPath, { recursive: true, force: true }, () => callback(failed)) : callback(null)));
      });
    },
    // Synchronous, also where proper-lockfile expects a callback: it forgets
    // the lock before it removes it on release, so its exit handler would not
    // remove a lock whose asynchronous removal a crash or an exit cut short.
    rmdir(lockPath: string, callback: (error: NodeJS.ErrnoException | null) => void) {
      try {
        removeLock(lockPath);
      } catch (error) {
        return callback(error as NodeJS.ErrnoException);
      }
      callback(null);
    },
    rmdirSync: removeLock,
  };
}

/**
 * Takes the lock on an existing data folder, or throws FolderInUseError.
 * `onLost` is called if the lock is taken away while held (someone removed
 * it by hand, or a host that could not see this one took it as stale).
 */
export async function lockDataFolder(dataDir: string, onLost: (error: Error) => void): Promise<FolderLock> {
  // One lock for every name of the folder: relative, absolute, through a symlink.
  const folder = await realpath(dataDir);
  const lockPath = `${folder}.lock`;
  const self: FolderOwner = { pid: process.pid, host: hostname(), command: describeSelf(), since: new Date().toISOString(), processStart: processStart('self'), token: randomUUID() };
  if (held.has(lockPath)) throw new FolderInUseError(dataDir, lockPath, self);

  const found = await readOwner(lockPath);
  if (found) {
    const state = ownerState(found);
    if (state === 'alive') throw new FolderInUseError(dataDir, lockPath, found as FolderOwner);
    // A holder that is gone: its lock is marked stale, and proper-lockfile
    // takes it over as it does any stale lock.
    if (state === 'gone') await utimes(lockPath, 0, 0).catch(() => {});
  }
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(folder, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      fs: ownerFs(self),
      onCompromised: (error) => {
        held.delete(lockPath);
        onLost(error);
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') {
      const owner = await namedOwner(lockPath);
      throw new FolderInUseError(dataDir, lockPath, owner === 'unnamed' ? null : owner);
    }
    throw new Error(`cannot lock the database folder ${dataDir}: cannot create ${lockPath} (${code ?? (error as Error).message})`, { cause: error });
  }
  held.add(lockPath);
  return {
    release: async () => {
      if (!held.delete(lockPath)) return;
      await release();
    },
  };
}
