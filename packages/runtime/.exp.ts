import { Ajv2020 } from "ajv/dist/2020.js";
import { addCloudTrailSchemas } from "./src/ajv/index.js";
const ajv = new Ajv2020({ allErrors: true, verbose: true, ownProperties: true });
addCloudTrailSchemas(ajv, ["ec2"], { mode: "strict" });
const id = "https://cloudtrail-schema.dev/schemas/ec2.strict.json";
for (const f of ["#/$defs/RunInstances.requestParameters/anyOf/1", "#/$defs/RunInstances.requestParameters/anyOf/0"]) {
  try { const fn = ajv.getSchema(id + f); console.log(f, typeof fn); } catch (e) { console.log(f, "threw", (e as Error).message.slice(0, 300)); }
}
