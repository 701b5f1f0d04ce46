// Runs Prism inside this Node process and exits as soon as standard input closes.
// Why: the JVM that started Prism holds the other end of stdin; when that JVM exits or is killed (even with
// SIGKILL, where no shutdown hook runs) the pipe closes, stdin ends, and Prism goes with it. No orphans.
// Usage: node prism-watchdog.cjs <path to @stoplight/prism-cli/dist/index.js> mock <spec> -h 127.0.0.1 -p <port> ...
'use strict';
const cli = process.argv[2];
process.argv.splice(2, 1);
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
require(cli);
