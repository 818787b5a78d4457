#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=50
// `npx ortsband …` and `npm run ortsband -- …`: the command line in
// src/cli/main.ts, run through tsx.
//
// The V8 flags keep the commands' memory near what they hold. Node 24 lets the
// young generation grow to tens of MB and the old one to about twice what
// survived its last collection, and loading drizzle-orm makes some 150 MB of
// short-lived garbage (Node re-reads its 180 kB package.json for every module,
// nodejs/node#60397): `ortsband --help` peaked at 311 MB. With these two flags
// it peaks at 150 MB and `ortsband export` of 1,000,000 rows at 220–230 MB
// instead of 455 MB, at the same speed (bench/transfer.ts; docs/performance.md).
// V8's memory reducer is on, as for `npm start`: it gives back what the
// server collected when it falls idle (docs/performance.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
