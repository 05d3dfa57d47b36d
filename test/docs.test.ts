/**
 * Generated docs are current, every error code is documented, and the README documents every
 * configuration variable and the two Quick start commands.
 */
import assert from 'node:assert/strict';
import { it, describe } from 'node:test';
import { readFileSync } from 'node:fs';
import { pages } from '../scripts/gen-docs.js';
import { errorCatalogue } from '../src/core/errors.js';
import { configSchema } from '../src/core/config.js';

describe('docs', () => {
  it('generated pages match their sources (run `npm run docs`)', () => {
    for (const [path, render] of Object.entries(pages)) assert.equal(readFileSync(path, 'utf8'), render(), `${path} is stale`);
  });

  it('documents every error code', () => {
    const page = readFileSync('docs/errors.md', 'utf8');
    for (const code of Object.keys(errorCatalogue)) assert.ok(page.includes(`| \`${code}\` |`), code);
  });

  it('the README has the two Quick start commands and every environment variable', () => {
    const readme = readFileSync('README.md', 'utf8');
    const quick = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
    assert.ok(quick.includes('npm ci && npm start'));
    assert.ok(quick.includes('npm test'));
    for (const name of Object.keys(configSchema.shape)) assert.ok(readme.includes(`\`${name}\``), `README documents ${name}`);
  });
});
