import { describe, expect, it } from "vitest";
import { detectedValues } from "./detected-values.js";
import { urlDetector } from "./url-detector.js";

describe("urlDetector", () => {
  it("finds URLs with a scheme or www., trimming sentence punctuation", () => {
    expect(detectedValues(urlDetector, "My website is http://www.ScrapbookInsider.com.pt/. See (https://en.wikipedia.org/wiki/Foo_(bar)).")).toEqual([
      "URL:http://www.ScrapbookInsider.com.pt/",
      "URL:https://en.wikipedia.org/wiki/Foo_(bar)",
    ]);
    expect(detectedValues(urlDetector, "read www.bbc.co.uk/news, then stop")).toEqual(["URL:www.bbc.co.uk/news"]);
  });

  it("scores URLs that carry credentials highest, even on loopback", () => {
    const text = "postgres://app:hunter2@localhost:5432/db and https://api.example.org/v1?access_token=abcdef123456 and https://acme.io/docs";
    const findings = urlDetector.detect(text);
    expect(findings.map((finding) => [text.slice(finding.start, finding.end), finding.score])).toEqual([
      ["postgres://app:hunter2@localhost:5432/db", 0.97],
      ["https://api.example.org/v1?access_token=abcdef123456", 0.97],
      ["https://acme.io/docs", 0.8],
    ]);
  });

  it("finds bare domain names under a public suffix", () => {
    expect(detectedValues(urlDetector, "visit acme-widgets.co.uk or ScrapbookInsider.com.pt or github.com/acme/widgets")).toEqual([
      "URL:acme-widgets.co.uk",
      "URL:ScrapbookInsider.com.pt",
      "URL:github.com/acme/widgets",
    ]);
  });

  it("leaves a cloud service's shared endpoint and documentation companies alone, but not a bucket behind them", () => {
    const text = "s3.amazonaws.com, https://s3.us-east-2.amazonaws.com/, https://storage.googleapis.com and https://contoso.azconfig.io;Id=x";
    expect(detectedValues(urlDetector, text)).toEqual([]);
    expect(detectedValues(urlDetector, "EndpointSuffix=ai.contoso.com; see https://www.fabrikam.com/orders")).toEqual([]);
    expect(detectedValues(urlDetector, "http://s3-us-east-2.amazonaws.com/example-bucket and https://storage.googleapis.com/acme/x")).toEqual([
      "URL:http://s3-us-east-2.amazonaws.com/example-bucket",
      "URL:https://storage.googleapis.com/acme/x",
    ]);
    expect(detectedValues(urlDetector, "https://AKIA:secret@s3.amazonaws.com/")).toEqual(["URL:https://AKIA:secret@s3.amazonaws.com/"]);
  });

  it("leaves file names, code, loopback and example hosts alone", () => {
    const nearMisses = [
      "edit index.js, config.yaml, package.json, setup.py, README.md, lib.rs, main.cc, run.sh, archive.zip",
      "os.path.join(a, b); logger.info(x); user.email = y; self.id; model.fit(data); console.log(z)",
      "http://localhost:3000/api and http://127.0.0.1:8484/v1 and http://[::1]:80/ and https://example.com/x",
      "He went home.It was late. e.g. i.e. etc. Mr.Smith",
      "src/server/index.ts and ./docs/architecture.md",
    ];
    for (const text of nearMisses) expect(detectedValues(urlDetector, text), text).toEqual([]);
  });
});
