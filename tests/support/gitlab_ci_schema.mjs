// SPDX-License-Identifier: Apache-2.0
// Validates a .gitlab-ci.yml against GitLab's CI configuration JSON schema, as bundled by the npm
// package gitlab-ci-local (its src/schema), with the Ajv and js-yaml that package installs.
//   node tests/support/gitlab_ci_schema.mjs NODE_MODULES FILE     exit 0 valid, 1 invalid, 2 usage
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [modules, file] = process.argv.slice(2);
if (!modules || !file) {
  console.error("usage: gitlab_ci_schema.mjs NODE_MODULES FILE");
  process.exit(2);
}
const require = createRequire(path.join(modules, "gitlab-ci-local", "package.json"));
const Ajv = require("ajv").default;
const yaml = require("js-yaml");
const { schema } = await import(pathToFileURL(path.join(modules, "gitlab-ci-local", "src", "schema", "schema.js")));
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, validateFormats: false, strictTypes: false, strict: false,
                      keywords: ["markdownDescription"] });
const validate = ajv.compile(schema);
const config = yaml.load(readFileSync(file, "utf8"));
if (validate(config)) {
  console.log(`${file}: valid against GitLab's CI schema`);
  process.exit(0);
}
for (const e of validate.errors.slice(0, 20)) console.log(`${file}: ${e.instancePath || "/"} ${e.message} (${e.schemaPath})`);
process.exit(1);
