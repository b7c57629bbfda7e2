/**
 * JSON values and JSON Schema documents as the generator builds them: plain data, so a schema can be
 * compared, hashed and written without a class in the way.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** One schema node (draft 2020-12), including the vendor keywords `x-model` and `x-type`. */
export type JsonSchema = { [k: string]: JsonValue };

/** A whole emitted document: what ends up in a `.json` file. */
export type JsonSchemaDocument = JsonSchema & {
  $schema: string;
  $id: string;
  $defs: { [name: string]: JsonSchema };
};
