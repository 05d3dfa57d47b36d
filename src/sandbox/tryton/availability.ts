// Is Tryton installed? Finds trytond and trytond-admin on PATH and asks their Python for
// the trytond version and the purchase modules, once per process.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { MODULES } from './constants.js';

const execFileAsync = promisify(execFile);

interface Probe {
  version?: string;
  reason?: string;
}

let probeCache: Promise<Probe> | undefined;

function findOnPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

async function probe(): Promise<Probe> {
  const hint = 'run scripts/tryton/install.sh (Debian 12: apt-get install tryton-server tryton-modules-purchase tryton-modules-purchase-requisition)';
  const trytond = findOnPath('trytond');
  const admin = findOnPath('trytond-admin');
  if (!trytond || !admin) return { reason: `trytond/trytond-admin not found on PATH; ${hint}` };
  // The scripts run on their shebang's interpreter (Debian's /usr/bin/python3), which is
  // not necessarily the python3 first on PATH; ask that one for the modules.
  const shebang = (await fsp.readFile(trytond, 'utf8')).split('\n', 1)[0] ?? '';
  const [interp, arg] = shebang.replace(/^#!\s*/, '').split(/\s+/);
  const python = interp?.endsWith('/env') && arg ? arg : interp || 'python3';
  const script = [
    'import importlib.util, trytond',
    `missing = [m for m in ${JSON.stringify(MODULES)} if importlib.util.find_spec("trytond.modules." + m) is None]`,
    'print(trytond.__version__ if not missing else "missing:" + ",".join(missing))',
  ].join('\n');
  try {
    const { stdout } = await execFileAsync(python, ['-c', script], { timeout: 20_000 });
    const out = stdout.trim();
    if (out.startsWith('missing:')) return { reason: `Tryton modules not installed: ${out.slice(8)}; ${hint}` };
    return { version: out };
  } catch (err) {
    return { reason: `cannot import trytond with ${python}: ${(err as Error).message.split('\n')[0]}; ${hint}` };
  }
}

/** undefined when trytond and the purchase modules are installed, otherwise the reason. */
export async function trytonAvailable(): Promise<string | undefined> {
  probeCache ??= probe();
  return (await probeCache).reason;
}

export async function trytonVersion(): Promise<string> {
  probeCache ??= probe();
  const p = await probeCache;
  if (p.reason || !p.version) throw new Error(`Tryton is not available: ${p.reason}`);
  return p.version;
}
