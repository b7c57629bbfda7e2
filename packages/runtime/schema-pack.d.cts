// Types of `@cloudtrail-schema/runtime/schemas/<service>`: one service's schemas, for registerSchemas().
import type { SchemaPack } from "./dist/index.cjs";
declare const pack: SchemaPack;
export = pack;
