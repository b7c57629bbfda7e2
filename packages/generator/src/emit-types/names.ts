/**
 * TypeScript names for what a service module declares. Names follow what a user sees in a record or in
 * AWS's docs: `CreatePolicyRequestParameters` types `requestParameters`, `Policy` is botocore's shape.
 */

/** Words TypeScript does not accept as a type name (reserved words and the primitive type keywords). */
const NOT_TYPE_NAMES = new Set(
  (
    "any bigint boolean never null number object string symbol undefined unknown void " +
    "break case catch class const continue debugger default delete do else enum export extends false finally " +
    "for function if import in instanceof new return super switch this throw true try typeof var while with " +
    "implements interface let package private protected public static yield await"
  ).split(" "),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A valid type name from any botocore name: invalid characters become `_`, reserved words get a `_`. */
export function typeName(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_$]/g, "_");
  if (!/^[A-Za-z_$]/.test(id)) id = `_${id}`;
  return NOT_TYPE_NAMES.has(id) ? `${id}_` : id;
}

/** A property key as written in a declaration: bare when it is an identifier, else quoted. */
export const propertyKey = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** `acm-pca` -> `AcmPca`, `ec2` -> `Ec2`: the prefix of a service's own names (`IamEvent`). */
export const pascal = (service: string): string =>
  service
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");

/**
 * Hands out unique names in one module. Names are claimed in a fixed order (the module's own API first,
 * then definitions, then enums, each sorted), so a clash always resolves the same way: the later claim
 * gets `_2`, `_3`… The count of such renames is reported, so a new clash is visible in review.
 */
/**
 * The file name (and subpath: `@cloudtrail-schema/types/<service>/<module>`) of an operation's module. A
 * curated operation's name holds its eventSource's prefix and a colon (`kms:DeleteKey`), which Windows file
 * names cannot: npm would extract the file under another name there and every import of it would fail. The
 * colon becomes a dot, which no operation name has (`kms.DeleteKey`).
 */
export const operationModule = (operation: string): string => operation.replace(/:/g, ".");

/** Characters a file name may not hold on Windows (and `/`, which would make a directory). */
export const UNPORTABLE_FILE_CHARS = /[<>:"|?*\\/\u0000-\u001f]/;

export class Namer {
  private readonly taken = new Set<string>();
  renamed = 0;

  claim(wanted: string): string {
    const base = typeName(wanted);
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}_${i}`;
    if (name !== base) this.renamed++;
    this.taken.add(name);
    return name;
  }
}
