/**
 * Unresolved references: CloudFormation intrinsic functions (`!Ref X`, `{"Fn::GetAtt": [...]}`)
 * found where the declaration expects a value. Their real value is only known once CloudFormation
 * deploys the template, so the importer keeps them as readable strings in the declaration:
 *
 *   `!GetAtt PipelineRole.Arn`                → `${!GetAtt PipelineRole.Arn}`
 *   `!Join ["", [a, !Ref B]]`                 → `${!Join ["", [a, !Ref B]]}`
 *   `{"Fn::GetAtt": ["PipelineRole", "Arn"]}` → `${!{Fn::GetAtt: [PipelineRole, Arn]}}`
 *
 * i.e. `${!` + the intrinsic written as one-line YAML (short form without its leading `!`, long
 * form as a flow mapping) + `}`. The text is exact: the CloudFormation exporter turns it back into
 * the same function, arguments and form. A placeholder can stand anywhere a value can (a string
 * field, a map key such as an `artifactStores` region, a whole action or list).
 *
 * The validation engine must treat a value for which `isUnresolvedReference` is true as "unknown
 * until deployed": skip pattern, length, enum and type checks on it (and on keys that are
 * references), and report it at most once as an informational finding.
 */

/** Every unresolved reference starts with this marker (and ends with `}`). */
export const UNRESOLVED_REFERENCE_PREFIX = "${!";
export const UNRESOLVED_REFERENCE_SUFFIX = "}";

/** True when `value` is a placeholder for a CloudFormation intrinsic function (see above). */
export function isUnresolvedReference(value: unknown): value is string {
  return (
    typeof value === "string" &&
    value.length > UNRESOLVED_REFERENCE_PREFIX.length + UNRESOLVED_REFERENCE_SUFFIX.length &&
    value.startsWith(UNRESOLVED_REFERENCE_PREFIX) &&
    value.endsWith(UNRESOLVED_REFERENCE_SUFFIX)
  );
}

/** The intrinsic's text inside the marker, e.g. `GetAtt PipelineRole.Arn`. */
export function unresolvedReferenceBody(value: string): string {
  return value.slice(UNRESOLVED_REFERENCE_PREFIX.length, value.length - UNRESOLVED_REFERENCE_SUFFIX.length);
}
