/**
 * The top frames of a CPU profile written by `npm run bench -- --profile` (node --cpu-prof):
 * self time per function, and inclusive time per function, as shares of the busy time (idle left
 * out: a process under test also waits while the floor takes its turn).
 * `npx tsx bench/profile-top.ts <file.cpuprofile> [count]`
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export interface Frame {
  name: string;
  selfShare: number;
  totalShare: number;
}

function frameName(n: Node): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url ? `${relative(process.cwd(), url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

/** Self and inclusive time per frame name, as shares of the busy time, largest self first. */
export function topFrames(profile: Profile): Frame[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    const dt = profile.timeDeltas[i] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of selfTime) {
    const node = byId.get(id)!;
    self.set(frameName(node), (self.get(frameName(node)) ?? 0) + t);
    // Each frame name once per stack, so recursion does not count twice.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = frameName(byId.get(cur)!);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + t);
    }
  }
  return [...self.entries()]
    .map(([name, t]) => ({ name, selfShare: t / total, totalShare: (inclusive.get(name) ?? t) / total }))
    .sort((a, b) => b.selfShare - a.selfShare);
}

export function inclusiveFrames(profile: Profile): Frame[] {
  return topFrames(profile).sort((a, b) => b.totalShare - a.totalShare);
}

if (process.argv[1]?.endsWith('profile-top.ts')) {
  const [file, count = '25'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx bench/profile-top.ts <file.cpuprofile> [count]');
    process.exit(2);
  }
  const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  const busy = topFrames(profile);
  console.log(`self time, share of busy time (top ${count}):`);
  for (const f of busy.slice(0, Number(count))) console.log(`${pct(f.selfShare)}  ${f.name}`);
  console.log(`\ninclusive time, share of busy time (top ${count}):`);
  for (const f of inclusiveFrames(profile).slice(0, Number(count))) console.log(`${pct(f.totalShare)}  ${f.name}`);
}
