// Builds the PGlite image of the shipped data once per run, so that every
// test file starts from it instead of loading data/ again.
import { buildSnapshot, readSnapshot } from '../../src/cli/snapshot.ts';

export default async function setup() {
  if (!(await readSnapshot())) await buildSnapshot();
}
