// Prints the container arguments of a Kubernetes Job manifest, one per line, with $(VAR) replaced by the container's
// env values or by the environment's: what the pod would run. Usage: node args.mjs <manifest> [--completions]
// (--completions prints how many pods the Job runs instead).
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const job = parse(readFileSync(process.argv[2], "utf8"));
if (process.argv[3] === "--completions") {
  console.log(job.spec.completions ?? 1);
  process.exit(0);
}
const container = job.spec.template.spec.containers[0];
const env = Object.fromEntries((container.env ?? []).map((v) => [v.name, process.env[v.name] ?? v.value]));
for (const arg of container.args) {
  console.log(arg.replace(/\$\((\w+)\)/g, (_, name) => env[name] ?? ""));
}
