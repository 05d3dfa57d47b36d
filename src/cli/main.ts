/**
 * The `manifold` command. Each subcommand is a small file; this one only wires them up.
 */
import { Command } from 'commander';
import { VERSION } from '../core/version.js';
import { serveCommand } from './serve.js';
import { migrateCommand } from './migrate.js';
import { keysCommand } from './keys.js';

const program = new Command()
  .name('manifold')
  .description('Manifold: one API for industrial and procurement systems (ERP, CMMS/EAM, source-to-pay).')
  .version(VERSION);

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(keysCommand());

await program.parseAsync(process.argv);
