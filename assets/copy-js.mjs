// Copies GOV.UK Frontend's ES module bundle into the portal's static files.
// The trailing sourceMappingURL comment is removed because the map is not
// shipped (Django's manifest storage would otherwise look for it).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(
  root,
  "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js",
);
const target = join(root, "portal/static/portal/js/govuk-frontend.min.js");

const code = (await readFile(source, "utf8")).replace(
  /\/\/# sourceMappingURL=\S+\s*$/,
  "",
);
await mkdir(dirname(target), { recursive: true });
await writeFile(target, code.trimEnd() + "\n");
console.log(`Copied ${source} -> ${target}`);
