/**
 * GraphiQL as a setting (`GRAPHIQL`, off unless "true"), in the shape Yoga's `graphiql` option takes: the options
 * when on, `false` when off (a browser GET then gets an ordinary GraphQL answer, not the IDE).
 */
import { isSettingsProblem } from "../auth/auth-settings";
import { browserSettingsFromEnv, type BrowserEnv } from "./browser-settings";

/** `options` when `GRAPHIQL` is "true" (and the browser settings are usable), else false. Never throws. */
export function graphiqlWhenEnabled<T extends object>(env: BrowserEnv, options: T): T | false {
  const settings = browserSettingsFromEnv(env);
  return !isSettingsProblem(settings) && settings.graphiql ? options : false;
}
