/** wrangler imports `.graphql` files as their text (`[[rules]]` in wrangler.toml). */
declare module "*.graphql" {
  const text: string;
  export default text;
}
