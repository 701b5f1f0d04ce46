// The JavaScript side of benchmarks/side-by-side.sh: N calls of GET /v2/self with @clevercloud/client (its
// fetch-based CcApiClient, API token auth, a custom base URL), `concurrency` calls in flight at a time, after
// `warmup` untimed calls. Prints one JSON line; benchmarks/js/compare.mjs reads it.
//
//   node side-by-side.mjs --base-url http://127.0.0.1:PORT/ --calls 20000 --concurrency 8 --warmup 2000
import { CcApiClient } from '@clevercloud/client/cc-api-client.js';
import { GetProfileCommand } from '@clevercloud/client/cc-api-commands/profile/get-profile-command.js';
import { readFileSync } from 'node:fs';

const API_TOKEN = 'ccapitk_0000000000000000000000000000000000000000000000000000000000'; // same fake value as Java
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const baseUrl = (args['base-url'] ?? '').replace(/\/$/, '');
const calls = Number(args.calls ?? 20000);
const concurrency = Number(args.concurrency ?? 8);
const warmup = Number(args.warmup ?? 2000);
if (!baseUrl) {
  console.error('usage: node side-by-side.mjs --base-url URL [--calls N] [--concurrency C] [--warmup W]');
  process.exit(2);
}

const client = new CcApiClient({ baseUrl, authMethod: { type: 'api-token', apiToken: API_TOKEN } });

async function run(n, latencies) {
  let next = 0;
  async function worker() {
    while (next < n) {
      const i = next++;
      const start = process.hrtime.bigint();
      const profile = await client.send(new GetProfileCommand());
      if (latencies) latencies[i] = Number(process.hrtime.bigint() - start);
      if (profile.id == null) throw new Error('no profile id in the response');
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
}

await run(warmup, null);
const latencies = new Float64Array(calls);
const start = process.hrtime.bigint();
await run(calls, latencies);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
latencies.sort();
const pct = (p) => latencies[Math.min(calls - 1, Math.floor((p / 100) * calls))] / 1000;
const version = JSON.parse(
  readFileSync(new URL('./node_modules/@clevercloud/client/package.json', import.meta.url), 'utf8'),
).version;
console.log(
  JSON.stringify({
    client: `@clevercloud/client ${version} (Node ${process.versions.node})`,
    calls,
    concurrency,
    seconds,
    callsPerSecond: calls / seconds,
    p50Micros: pct(50),
    p99Micros: pct(99),
  }),
);
