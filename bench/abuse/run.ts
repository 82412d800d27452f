// bench/abuse: the long version of the adversarial suite. A seeded fuzz run of 10,000+
// malformed requests over every operation of /api/openapi.json (counts of 5xx and of 4xx
// answers without the error envelope: both must be 0), then the resource-limit cases (a
// 10-hour silent FLAC, a 16,000 × 16,000 PNG, 50 parallel 1 GiB resumable uploads) with what
// each caller got and the processes' peak memory. `FUZZ_REQUESTS` sets the fuzz count.
import os from "node:os";
import { runFuzz } from "./fuzz.ts";
import { runResourceCases } from "./resources.ts";

const count = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

console.log(`machine: ${os.cpus().length} cores, load ${load()}`);
const fuzz = await runFuzz(count);
console.log(
  `fuzz: ${fuzz.sent} requests, ${fuzz.status5xx} answered 5xx, ${fuzz.withoutEnvelope} 4xx without the error envelope`,
);
console.log(`fuzz statuses: ${JSON.stringify(fuzz.byStatus)} (load ${load()})`);
await runResourceCases();
console.log(`load after: ${load()}`);
if (fuzz.status5xx > 0 || fuzz.withoutEnvelope > 0) process.exitCode = 1;
