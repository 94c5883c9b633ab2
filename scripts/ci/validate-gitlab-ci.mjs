// Checks a .gitlab-ci.yml against GitLab's CI schema, as gitlab-ci-local checks it before running anything, and prints
// its jobs and stages as JSON. Usage: node scripts/ci/validate-gitlab-ci.mjs .gitlab-ci.yml
// (Installed with --ignore-scripts: only the validator is used, not the runner and its native regex module.)
import fs from "node:fs";
import yaml from "js-yaml";
import { Validator } from "gitlab-ci-local/src/validator.js";

const file = process.argv[2] ?? ".gitlab-ci.yml";
const config = yaml.load(fs.readFileSync(file, "utf8"));
Validator.jsonSchemaValidation({ pathToExpandedGitLabCi: file, gitLabCiConfig: config, argv: { ignoreSchemaPaths: [] } });
const keywords = new Set(["default", "include", "stages", "variables", "workflow", "image", "services", "cache",
  "before_script", "after_script", "spec"]);
const jobs = Object.entries(config)
  .filter(([name, job]) => !name.startsWith(".") && !keywords.has(name) && job && typeof job === "object")
  .map(([name, job]) => ({ name, stage: job.stage ?? "test" }));
console.log(JSON.stringify({ stages: config.stages, jobs }));
