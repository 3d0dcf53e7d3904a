import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of a V8 .cpuprofile (node --cpu-prof) this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Not idle: the base of the shares. */
  busyMs: number;
  /** Self time per function, largest first. */
  functions: { name: string; where: string; ms: number; share: number }[];
  /** Self time per origin: our code (dist/…), each npm package, Node's internals, GC, idle. */
  origins: { origin: string; ms: number; share: number }[];
}

/** Where a frame comes from: `ours: <file>`, the npm package, `node:internal`, or V8's pseudo-frames. */
function origin(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return 'node (internals)';
  const ours = /\/apps\/api\/dist\/(.*)$/.exec(url);
  if (ours?.[1]) return `ours: ${ours[1]}`;
  return url;
}

/** Self time by function and by origin of the newest profile in `folder`. */
export function summariseCpuProfile(folder: string, top = 25): ProfileSummary {
  const file = readdirSync(folder).filter((name) => name.endsWith('.cpuprofile')).sort().at(-1);
  if (!file) throw new Error(`no .cpuprofile in ${folder}`);
  const profile = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as CpuProfile;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perSample = profile.samples.length > 0 ? totalMs / profile.samples.length : 0;
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  const byOrigin = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (hits.get(node.id) ?? 0) * perSample;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const from = origin(url, functionName);
    const where = url ? `${from.startsWith('ours: ') ? from : `${from} ${path.basename(url)}`}:${String(lineNumber + 1)}` : from;
    const key = `${functionName}@${where}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', where, ms: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
    const group = from.startsWith('ours: ') ? 'ours (apps/api/dist)' : from;
    byOrigin.set(group, (byOrigin.get(group) ?? 0) + ms);
  }
  byOrigin.delete('(idle)');
  const busyMs = [...byOrigin.values()].reduce((sum, ms) => sum + ms, 0);
  const share = (ms: number) => (busyMs > 0 ? ms / busyMs : 0);
  return {
    totalMs,
    busyMs,
    functions: [...byFunction.values()].filter((entry) => entry.name !== '(idle)').sort((a, b) => b.ms - a.ms).slice(0, top).map((entry) => ({ ...entry, share: share(entry.ms) })),
    origins: [...byOrigin.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ origin: name, ms, share: share(ms) })),
  };
}
