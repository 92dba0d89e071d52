/**
 * `.graphql` files are imported as text: wrangler's `[[rules]] type = "Text"` (wrangler.toml) bundles them as
 * strings, so the schema file itself ships in the Worker.
 */
declare module "*.graphql" {
  const text: string;
  export default text;
}
