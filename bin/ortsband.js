#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=50 --no-memory-reducer
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
// --no-memory-reducer as in package.json's start script: V8's memory reducer
// collects the whole heap, compacting it, whenever a server with a large
// register falls idle, and the request that comes next waits out a pause of
// 0.4–0.9 s (docs/performance.md). `serve` sets
// the heap's growth to 200 % itself, at run time (src/cli/commands/serve.ts).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
