import { readFileSync } from 'node:fs';

/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: where a `--cpu-prof` profile
 * (from `npm run bench -- --profile`) spent its time. Prints the functions with the most
 * self time, then self time summed per package (node_modules/<name>) or file, then all time
 * charged to the innermost hookwire frame (src/ or the dist/ bundle) on the stack. Library
 * time reached through an `await` has no hookwire frame on its stack: it shows as such.
 *
 * `… <file> <top> <fromS> <toS>` keeps only the samples between those seconds of the profile,
 * so that one phase of a scenario can be read apart; the busy-ms-per-second timeline printed
 * first shows where the phases are.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topText, fromText, toText] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top] [fromS toS]');
  process.exit(2);
}
const top = Number(topText ?? 30);
const fromUs = fromText === undefined ? 0 : Number(fromText) * 1e6;
const toUs = toText === undefined ? Infinity : Number(toText) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';

// Self time per node: each sample's delta goes to the node that was on top of the stack.
const selfUs = new Map<number, number>();
const busyPerSecond: number[] = [];
let atUs = 0;
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  atUs += delta;
  const second = Math.floor(atUs / 1e6);
  if (!isIdle(id)) busyPerSecond[second] = (busyPerSecond[second] ?? 0) + delta / 1000;
  if (atUs < fromUs || atUs > toUs) return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  totalUs += delta;
});

function where(url: string): string {
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1];
  const source = /\/(src|dist|\.bench-dist|bench|test)\/(.*)$/.exec(url);
  if (source) return `${source[1]}/${source[2]}`;
  if (url.startsWith('node:')) return url;
  return url === '' ? '(native/vm)' : url;
}

function bucket(group: (node: ProfileNode) => string): Array<[string, number]> {
  const sums = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const key = group(byId.get(id) as ProfileNode);
    sums.set(key, (sums.get(key) ?? 0) + us);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

const pct = (us: number) => `${((us / totalUs) * 100).toFixed(1).padStart(5)} %`;
const ms = (us: number) => `${Math.round(us / 1000).toString().padStart(7)} ms`;

console.log(`busy ms in each second: ${[...busyPerSecond].map((busy, second) => `${second}:${Math.round(busy ?? 0)}`).join(' ')}`);
const window = fromText === undefined ? '' : ` between ${fromText} s and ${toText ?? 'the end'}`;
console.log(`${file}: ${Math.round(totalUs / 1000)} ms profiled${window}\n\ntop self time by function:`);
const functions = bucket(({ callFrame }) => `${callFrame.functionName || '(anonymous)'}  ${where(callFrame.url)}:${callFrame.lineNumber + 1}`);
for (const [name, us] of functions.slice(0, top)) console.log(`${ms(us)} ${pct(us)}  ${name}`);
console.log('\nself time by package or source file:');
for (const [name, us] of bucket(({ callFrame }) => where(callFrame.url)).slice(0, top)) console.log(`${ms(us)} ${pct(us)}  ${name}`);

/** The innermost frame of hookwire's own code (`src/`) on a node's stack, or null. */
function nearestSource(id: number): ProfileNode | null {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const node = byId.get(at) as ProfileNode;
    if (/\/(src|dist|\.bench-dist)\//.test(node.callFrame.url)) return node;
  }
  return null;
}

console.log('\ntime charged to the nearest hookwire function on the stack:');
const charged = bucket((node) => {
  if (node.callFrame.functionName === '(idle)') return '(idle)';
  const source = nearestSource(node.id);
  return source ? `${source.callFrame.functionName || '(anonymous)'}  ${where(source.callFrame.url)}:${source.callFrame.lineNumber + 1}` : '(no hookwire frame)';
});
for (const [name, us] of charged.slice(0, top)) console.log(`${ms(us)} ${pct(us)}  ${name}`);
