#!/usr/bin/env node
// `npx ortsband …`: the command line in src/cli/main.ts, run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
