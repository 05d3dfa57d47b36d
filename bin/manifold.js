#!/usr/bin/env node
// The `manifold` command: runs the TypeScript CLI through tsx's loader, so the package needs no
// build step to run from a clone or from npm.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
