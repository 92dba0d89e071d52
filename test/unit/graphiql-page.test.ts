/**
 * GraphiQL's page template (src/pages/graphiql-page.ts) as text: what it loads and how it embeds its options.
 * The browser behaviour (links, tabs, the opening query) is tested in Chromium, test/browser/graphiql.test.ts.
 */
import { describe, expect, it } from "vitest";
import { renderGraphiQLPage } from "../../src/pages/graphiql-page";

describe("GraphiQL's page", () => {
  it("loads everything from the gateway's origin, the favicon included", () => {
    const page = renderGraphiQLPage({ title: "Gateway", defaultQuery: "{ jobs { totalCount } }" });
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(page).toContain('<script src="/graphiql/yoga-graphiql.umd.js"></script>');
    expect(page).toContain('<link rel="stylesheet" href="/graphiql/graphiql.css">');
  });

  it("passes the default query as defaultQuery only, never as the initial query", () => {
    const page = renderGraphiQLPage({ defaultQuery: "{ jobs { totalCount } }" });
    expect(page).toContain('"defaultQuery":"{ jobs { totalCount } }"');
    expect(page).not.toContain('"initialQuery"');
  });

  it("escapes its title for HTML and its options for a script", () => {
    const page = renderGraphiQLPage({
      title: '<img src=x onerror="alert(1)">',
      defaultQuery: "# </script><script>alert(1)</script>",
    });
    expect(page).toContain("<title>&#60;img src=x onerror=&#34;alert(1)&#34;&#62;</title>");
    expect(page).not.toContain("<img src=x");
    expect(page.match(/<\/script>/g)).toHaveLength(3);
    expect(page).toContain('"# \\u003c/script>\\u003cscript>alert(1)\\u003c/script>"');
  });
});
