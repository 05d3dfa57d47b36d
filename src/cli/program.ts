/**
 * The `manifold` command tree. Each subcommand is a small file; this one only wires them up
 * (main.ts runs it; tests read every command's help from it without spawning a process each).
 */
import { Command } from 'commander';
import { VERSION } from '../core/version.js';
import { serveCommand } from './serve.js';
import { migrateCommand } from './migrate.js';
import { keysCommand } from './keys.js';
import { systemsCommand } from './systems.js';
import { connectCommand } from './connect.js';
import { syncCommand } from './sync.js';
import { sandboxCommand } from './sandbox.js';
import { workerCommand } from './worker.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('manifold')
    .description('Manifold: one API for industrial and procurement systems (ERP, CMMS/EAM, source-to-pay).')
    .version(VERSION);
  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(keysCommand());
  program.addCommand(systemsCommand());
  program.addCommand(connectCommand());
  program.addCommand(syncCommand());
  program.addCommand(workerCommand());
  program.addCommand(sandboxCommand());
  return program;
}
