// Validates the examples as their engines read them: every Kubernetes manifest against the API's JSON schemas
// (kubernetes-models), every GitHub Actions workflow with GitHub's own parser (@actions/workflow-parser). Prints each
// file checked; exits 1 with the errors when one is invalid.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { Job } from "kubernetes-models/batch/v1/Job";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";

const examples = new URL("..", import.meta.url).pathname;
const kinds = { "batch/v1 Job": Job, "v1 PersistentVolumeClaim": PersistentVolumeClaim };
let failed = false;

for (const name of readdirSync(join(examples, "kubernetes")).filter((f) => f.endsWith(".yaml")).sort()) {
  const file = join(examples, "kubernetes", name);
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      failed = true;
      console.error(`${file}: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const manifest = document.toJS();
    const Kind = kinds[`${manifest.apiVersion} ${manifest.kind}`];
    try {
      if (!Kind) {
        throw new Error(`no schema here for ${manifest.apiVersion} ${manifest.kind}`);
      }
      new Kind(manifest).validate();
      if (manifest.kind === "Job" && manifest.spec.completionMode === "Indexed"
          && manifest.spec.completions !== manifest.spec.parallelism) {
        throw new Error("an Indexed Job of segments needs parallelism = completions, so that they all run at once");
      }
      console.log(`ok  ${file} (${manifest.kind} ${manifest.metadata.name})`);
    } catch (error) {
      failed = true;
      console.error(`${file}: ${error.message}`);
    }
  }
}

for (const name of readdirSync(join(examples, "github-actions")).filter((f) => f.endsWith(".yml")).sort()) {
  const file = join(examples, "github-actions", name);
  const parsed = parseWorkflow({ name, content: readFileSync(file, "utf8") }, new NoOperationTraceWriter());
  const workflow = parsed.value === undefined ? undefined
    : await convertWorkflowTemplate(parsed.context, parsed.value);
  const errors = [...parsed.context.errors.getErrors(), ...(workflow?.errors ?? [])];
  if (errors.length > 0) {
    failed = true;
    console.error(`${file}: ${errors.map((e) => e.message).join("; ")}`);
  } else {
    console.log(`ok  ${file} (jobs: ${workflow.jobs.map((job) => job.id.value ?? job.id).join(", ")})`);
  }
}

process.exit(failed ? 1 : 0);
