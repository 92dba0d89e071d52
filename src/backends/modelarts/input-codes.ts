/**
 * The wire text of the GraphQL enums that stand for documented strings rather than integer codes, for the input of
 * `createModelArtsExportTask` (`sample_state`, `version_format`, `source_type_header`). Input only: what the API
 * answers with is shown raw, so an unknown value never breaks a response.
 */

/**
 * The GraphQL enum `ModelArtsSampleState`: the documented sample states, each sent as `__<value>__` (GraphQL names
 * cannot start with `__`), and `UNKNOWN`.
 */
export type ModelArtsSampleState =
  | "ALL"
  | "NONE"
  | "UNCHECK"
  | "ACCEPTED"
  | "REJECTED"
  | "UNREVIEWED"
  | "REVIEWED"
  | "WORKFORCE_SAMPLED"
  | "WORKFORCE_SAMPLED_UNCHECK"
  | "WORKFORCE_SAMPLED_CHECKED"
  | "WORKFORCE_SAMPLED_ACCEPTED"
  | "WORKFORCE_SAMPLED_REJECTED"
  | "AUTO_ANNOTATION"
  | "UNKNOWN";

/** The wire `sample_state` of a state given as input (`ALL` → `__ALL__`); undefined for `UNKNOWN`. */
export function sampleStateCode(value: ModelArtsSampleState): string | undefined {
  return value === "UNKNOWN" ? undefined : `__${value}__`;
}

/** The wire text of the GraphQL enums that stand for fixed strings. */
export const VERSION_FORMAT_CODES = { DEFAULT: "Default", CARBON_DATA: "CarbonData", CSV: "CSV" } as const;
/** The wire `source_type_header` of `ModelArtsSourceTypeHeader`. */
export const SOURCE_TYPE_HEADER_CODES = { OBS: "obs://", S3: "s3://" } as const;
