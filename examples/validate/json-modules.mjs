// Lets Node load the JSON files @actions/workflow-parser imports without import attributes (it is built for
// bundlers): each .json module becomes a JavaScript module whose default export is the parsed file.
import { register } from "node:module";

register("data:text/javascript," + encodeURIComponent(`
  import { readFile } from "node:fs/promises";
  export async function load(url, context, nextLoad) {
    if (url.endsWith(".json")) {
      const text = await readFile(new URL(url), "utf8");
      return { format: "module", source: "export default " + text + ";", shortCircuit: true };
    }
    return nextLoad(url, context);
  }`));
