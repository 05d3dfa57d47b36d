/**
 * The `manifold` command (see program.ts for the command tree).
 */
import { buildProgram } from './program.js';

await buildProgram().parseAsync(process.argv);
