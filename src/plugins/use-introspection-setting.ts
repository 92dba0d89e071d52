/**
 * Yoga plugin: introspection as a setting (`INTROSPECTION`, off unless "true"). When off, a query that selects
 * `__schema` or `__type` fails validation with code `INTROSPECTION_DISABLED`; `__typename` is not introspection and
 * keeps working. The rule is graphql-js's own `NoSchemaIntrospectionCustomRule`, its errors given our code.
 */
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import { isSettingsProblem } from "../auth/auth-settings";
import { browserSettingsFromEnv, type BrowserEnv } from "../browser/browser-settings";
import type { GatewayServerContext } from "../server-context";

/**
 * `NoSchemaIntrospectionCustomRule`, reporting its errors with `extensions.code` `INTROSPECTION_DISABLED`. The
 * context it sees inherits everything from the real one and only reports differently.
 */
export const introspectionDisabledRule: ValidationRule = (context) => {
  const coded: ValidationContext = Object.create(context, {
    reportError: {
      value: (error: GraphQLError) =>
        context.reportError(
          new GraphQLError(error.message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            extensions: { code: "INTROSPECTION_DISABLED" },
          }),
        ),
    },
  }) as ValidationContext;
  return NoSchemaIntrospectionCustomRule(coded);
};

/** True when `INTROSPECTION` is "true" (and the browser settings are usable). */
export function introspectionEnabled(env: BrowserEnv): boolean {
  const settings = browserSettingsFromEnv(env);
  return !isSettingsProblem(settings) && settings.introspection;
}

/** Adds {@link introspectionDisabledRule} to validation unless `INTROSPECTION` is on (every transport: `onValidate`). */
export function useIntrospectionSetting(): Plugin<GatewayServerContext> {
  return {
    onValidate({ addValidationRule, context }) {
      if (!introspectionEnabled(context.env)) addValidationRule(introspectionDisabledRule);
    },
  };
}
