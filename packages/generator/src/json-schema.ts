/** JSON values and JSON Schema documents as plain data. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export type JsonSchema = { [k: string]: JsonValue };
