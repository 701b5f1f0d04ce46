// Prints the side-by-side results (JSON lines from side-by-side.mjs and the Java SideBySide main) and their ratio.
// Each file may hold several rounds; the median round of each client is compared.
//   node compare.mjs js.jsonl java.jsonl
import { readFileSync } from 'node:fs';

const [jsFile, javaFile] = process.argv.slice(2);
const read = (f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l));
const median = (rounds) => [...rounds].sort((a, b) => a.callsPerSecond - b.callsPerSecond)[Math.floor(rounds.length / 2)];
const js = read(jsFile);
const java = read(javaFile);
const row = (r) =>
  `| ${r.client} | ${r.calls} | ${r.concurrency} | ${r.callsPerSecond.toFixed(0)} | ${r.p50Micros.toFixed(0)} | ${r.p99Micros.toFixed(0)} |`;
console.log(`rounds: ${js.length} each, alternating; the median round (by calls/s) of each client is shown`);
console.log('all rounds, calls/s: JS ' + js.map((r) => r.callsPerSecond.toFixed(0)).join(', ')
  + ' | Java ' + java.map((r) => r.callsPerSecond.toFixed(0)).join(', '));
console.log('');
console.log('| client | calls | concurrency | calls/s | p50 µs | p99 µs |');
console.log('|---|---:|---:|---:|---:|---:|');
const mj = median(js);
const mv = median(java);
console.log(row(mj));
console.log(row(mv));
console.log('');
console.log(`throughput ratio Java/JS = ${(mv.callsPerSecond / mj.callsPerSecond).toFixed(2)}`
  + `   p50 latency ratio Java/JS = ${(mv.p50Micros / mj.p50Micros).toFixed(2)}`);
