/**
 * `node --import tsx tests/bench/profileSummary.ts FILE.cpuprofile [--top 25] [--callers NAME]`: where a server's CPU
 * went, from a V8 profile (`npm run bench -- --profile DIR` writes one per Tablica server process).
 * Prints the functions with the most self time, then self time summed per package or source
 * directory, and the functions with the most total (inclusive) time, each as a share of the busy
 * samples. `--callers NAME`: the time spent in functions named NAME, by the chain of callers above
 * them (three deep).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, callers: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: profileSummary.ts FILE.cpuprofile [--top N]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node: each sample's delta goes to the node it landed in.
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const sampled = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);
/** Shares are of the busy time: the samples where the thread was not idle. */
const total = sampled - idle;

const where = (f: CallFrame) => {
  const url = f.url.replace(/^file:\/\//, '');
  const nm = url.lastIndexOf('node_modules/');
  const short = nm >= 0 ? url.slice(nm + 'node_modules/'.length) : url.replace(/^.*?\/(server|shared|tests)\//, '$1/');
  return short ? `${short}:${f.lineNumber + 1}` : '';
};
const area = (f: CallFrame) => {
  const url = f.url.replace(/^file:\/\//, '');
  if (!url) return f.functionName.startsWith('(') ? f.functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /\/(server|shared|tests)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
};

const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
const sec = (us: number) => `${(us / 1e6).toFixed(2)} s`;
console.log(`${file}: ${sec(sampled)} sampled, ${sec(total)} busy (shares below are of the busy time)`);

const functions = new Map<string, number>();
const areas = new Map<string, number>();
for (const [id, us] of self) {
  const f = byId.get(id)!.callFrame;
  if (f.functionName === '(idle)') continue;
  const key = `${f.functionName || '(anonymous)'}  ${where(f)}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  areas.set(area(f), (areas.get(area(f)) ?? 0) + us);
}
const top = Number(values.top);
console.log(`\nTop ${top} functions by self time:`);
for (const [key, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${key}`);
console.log('\nSelf time by package or source file:');
for (const [key, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${key}`);

// Inclusive time of named functions: a sample counts once for a function however deep it recurses.
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const f = byId.get(n)!.callFrame;
    if (!f.functionName || !f.url) continue;
    const key = `${f.functionName}  ${where(f)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
console.log(`\nTop ${top} functions by total (inclusive) time:`);
for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${key}`);

if (values.callers) {
  const chains = new Map<string, number>();
  for (const [id, us] of self) {
    // The outermost frame named NAME on this sample's stack, and who called it.
    let found: number | undefined;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (byId.get(n)!.callFrame.functionName === values.callers) found = n;
    if (found === undefined) continue;
    const names: string[] = [];
    for (let n = parent.get(found); n !== undefined && names.length < 3; n = parent.get(n)) names.push(`${byId.get(n)!.callFrame.functionName || '(anonymous)'} ${where(byId.get(n)!.callFrame)}`);
    const key = names.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + us);
  }
  console.log(`\nTime in ${values.callers}, by caller:`);
  for (const [key, us] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${key}`);
}
