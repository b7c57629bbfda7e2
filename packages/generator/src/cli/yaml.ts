/**
 * The YAML printer, built into a file of its own beside the CLI (dist/cli-yaml.js) and loaded only for
 * `--format yaml`: the yaml package is four times the size of the rest of the CLI.
 */
export { stringify } from "yaml";
