import { describe, expect, it } from "vitest";
import { statusPageUrl } from "./status-page.js";

const pageOf = (url: string) => decodeURIComponent(url.slice("data:text/html;charset=utf-8,".length));

describe("status page", () => {
  it("shows why the gateway stopped, escaped, with no script and a CSP of its own", () => {
    const url = statusPageUrl({ status: "failed", reason: `config.yaml: <script>alert("x")</script> & more` });
    expect(url.startsWith("data:text/html;charset=utf-8,")).toBe(true);
    const html = pageOf(url);
    expect(html).toContain("Stopped: config.yaml: &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; more");
    expect(html).not.toContain("<script");
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain("Start the gateway again");
  });

  it("says the window will switch over while the gateway starts", () => {
    expect(pageOf(statusPageUrl({ status: "starting" }))).toContain("Starting the gateway…");
  });
});
