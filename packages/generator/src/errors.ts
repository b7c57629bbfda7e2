/**
 * The generator's one error type. `code` is stable (tests and callers match on it); `message` names the
 * place: the service, the JSON path in its model and the botocore version.
 */
export type GeneratorErrorCode =
  | "E_SNAPSHOT" // the model snapshot is missing, corrupt or does not match its manifest
  | "E_MODEL" // a botocore model breaks an assumption (unknown shape type, dangling reference)
  | "E_UNKNOWN_SERVICE" // a lookup named a service the snapshot does not have
  | "E_UNKNOWN_OPERATION" // a lookup named an operation the service does not have
  | "E_USAGE"; // a caller passed arguments that cannot work

export class GeneratorError extends Error {
  override name = "GeneratorError";
  constructor(
    readonly code: GeneratorErrorCode,
    message: string,
    /** Close matches for an unknown name, best first. */
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
  }
}
