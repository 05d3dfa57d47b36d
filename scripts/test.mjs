// `npm test`: every *.test.ts under test/ and src/, through node's own test runner with tsx.
// Extra arguments are passed on (e.g. `npm test -- --test-name-pattern=cursor`); file arguments
// narrow the run to those files.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const args = process.argv.slice(2);
const fileArgs = args.filter((a) => a.endsWith('.test.ts'));
const flags = args.filter((a) => !a.endsWith('.test.ts'));
const files = fileArgs.length ? fileArgs : [...find('test', []), ...find('src', [])].sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=3', ...(process.env.CI ? ['--test-reporter=spec'] : []), ...flags, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
