/**
 * How a JSON Schema document is written into @cloudtrail-schema/types: by default minified and without the
 * model's documentation, which the package already carries once, as the declarations' TSDoc (the schema
 * files were 128 MB of the package's 212, pretty-printed, most of it that same text). `schemaDocs` keeps
 * every `description` and indents, for readers of the files themselves (`generate --schema-docs`).
 *
 * Only schema nodes lose their `description` (the walk knows where schemas sit): a record field called
 * `description` (`properties.description`) stays, and so does the document's own one-line description,
 * which names the service and the botocore version rather than documenting the model.
 */
import type { JsonSchema, JsonValue } from "./json-schema.js";
import { rewriteSchemaNodes } from "./modes.js";

export interface SchemaFileOptions {
  /** Keep `description` on every node and indent (default: neither). */
  schemaDocs: boolean;
}

/** Stable JSON text with a trailing newline: two-space indent when `pretty`, else minified. */
export const jsonFileText = (value: unknown, pretty: boolean): string => `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;

/** The document without the `description` of any schema node below its root. */
export function undocumented<D extends JsonSchema>(doc: D): D {
  return rewriteSchemaNodes(doc as JsonValue, (node, path) => {
    if (path === "#" || !("description" in node)) return node;
    const { description: _dropped, ...other } = node;
    return other;
  }) as D;
}

/** The text of a schema file of the package. */
export function schemaFileText(doc: JsonSchema, options: SchemaFileOptions): string {
  return options.schemaDocs ? jsonFileText(doc, true) : jsonFileText(undocumented(doc), false);
}
