import { describe, expect, it } from "vitest";
import { providerKeyDetector } from "./provider-key-detector.js";

const found = (text: string) => providerKeyDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

// Fake keys of the right shape, made up for these tests.
const keys: Record<string, string> = {
  "AWS access key id": "AKIAUJZDE8GXD6NCF10E",
  "AWS temporary key id": "ASIAUJZDE8GXD6NCF10E",
  "Google API key": "AIzaKjp1vRt_1fjORS-6ilI8ihN5KXSc7Tvo-hB",
  "Google OAuth client secret": "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",
  "Azure AD client secret": "Xs~8Q~ktXP-tKsf2rcDkdfrUnW5gQoaF1LlqsajA",
  "DigitalOcean token": "dop_v1_71948d33296c87009e8a7f770d9106fd287db7f1adbc60926f6967e7893f57fd",
  "Heroku API key": "HRKU-AAhsYgBds1ghxY5OokvQyx7eNWVQ4vnakJkS1pAWTN3lg8zV5yPU8d0FZfWe",
  "Vault token": "hvs.CAESIJxuHmQ2g8LvSqdH3yTQ1kz8PlNr4xv0",
  "Doppler token": "dp.st.dev.9UoK4tYnzNLeK6kjcbhgN7kwjSbbciSPOcSeVce2",
  "Databricks token": "dapi71948d33296c87009e8a7f770d9106fd",
  "OpenAI project key": "sk-proj-SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtcT3BlbkFJ3CXlMaXZjljENUhJduRH",
  "OpenAI legacy key": "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",
  "Anthropic key": "sk-ant-api03-9nhFyJfm5di4PzJ59FHz5r1pY4OjE2jBMptUsGr7CmY_uCu3ZR1zTOlUcR64cXQLioDnkHIfxIq2HZt-PlJhx2jIclHkCAA",
  "Hugging Face token": "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",
  "Replicate token": "r8_ZbqcabUGJmGEp7CgQ0PBQFI14zGtSnovm14TU",
  "Groq key": "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",
  "Stripe secret key": "sk_live_fErGPmpGXafq0fjzLczbttOo",
  "Stripe restricted test key": "rk_test_fErGPmpGXafq0fjzLczbttOo",
  "Square access token": "sq0atp-ktXP-tKsf2rcDkdfrUnW5g",
  "Braintree access token": "access_token$production$x8fq2kd7s9w3m1zp$b7ffc050fec94dbca3a0aac36098b2cc",
  "GitHub classic token": "ghp_XsiVpzz63FfkCzJr4i0B3JrTAwR4y9ojfljo",
  "GitHub app token": "ghs_XsiVpzz63FfkCzJr4i0B3JrTAwR4y9ojfljo",
  "GitHub fine-grained token": "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",
  "GitLab token": "glpat-799NksnRH9ucAUsdMlHU",
  "Bitbucket app password": "ATBB1Vm8kV6um4yvMpy62O6SQ1IEE1HSa2bB",
  "Slack bot token": "xoxb-253888539336-3387500474395-CZ7Uw9xfogoEmvnEN5N1aE6P",
  "Slack webhook": "https://hooks.slack.com/services/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",
  "Discord webhook": "https://discord.com/api/webhooks/1034567890123456789/ZbqcabUGJmGEp7CgQ0PBQFI14zGtSnovm14TUxs-8Q_ktXPtKsf2rcDkdfrUnW5gQoa",
  "Telegram bot token": "4269385126:AABeVRsfAGeAbP0VxNjAe-9i0mYtluYI0KN",
  "Twilio API key": "SK886e7577496a2c8773e130f7eb197316",
  "SendGrid key": "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",
  "Mailgun key": "key-b7ffc050fec94dbca3a0aac36098b2cc",
  "Mailchimp key": "2bd818319478da6bd0c621de49f145fd-us21",
  "Shopify token": "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",
  "npm token": "npm_ZKm4bV3AyAVHnyrvWdFrK9xiRGHOY32nfr5p",
  "PyPI token": "pypi-AgEIcHlwaS5vcmcAU8urbFt5misIZHbhS4-FvafhdZxEuhnbzs0z1wNiMg9aW37k5wCnHDepQHgI3HLBkbvHE",
  "Docker Hub token": "dckr_pat_XZ53Ncqe28_ajY75FnCttn6kfaq",
  "New Relic user key": "NRAK-3EDQMEVXRVCQURTAEBOG43YQ15I",
  "Sentry user token": "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",
  "Grafana service account token": "glsa_ZbqcabUGJmGEp7CgQ0PBQFI14zGtSnov_9b638c45",
  "Postman key": "PMAK-629c73facbc064567cbf6970-f56e8b4cd0bb14d00962f17afc158dc2a2",
  "Privacy Router client token": "prt_-xbMtEPO6UkzYuF0ie9Pu2njHkAm1-5wDr16EpLLJIV",
};

describe("provider key formats", () => {
  for (const [name, key] of Object.entries(keys)) {
    it(`finds a ${name}, exactly`, () => {
      expect(found(`config: ${key}\n`)).toEqual([key]);
      expect(found(`"${key}"`)).toEqual([key]);
    });
  }

  it("finds an Azure DevOps token by its marker, the whole key", () => {
    const key = "6RtqHqPc66Y6DYbkydbrrFJTYnRoA7r40ts7LWS2SkINSFsRABxhJQQJ99BFACAAAAALGcqjAAASAZDO3eqU";
    expect(found(`token = '${key}'`)).toEqual([key]);
    expect(found(`token = '${key}x'`)).toEqual([]);
  });

  it("finds the value only inside a longer match", () => {
    expect(found("Unseal Key 1: 0tZn+7QQCxphpHwTm7/dC3LpP5JGIbYl3PK8Sy81R+P2")).toEqual(["0tZn+7QQCxphpHwTm7/dC3LpP5JGIbYl3PK8Sy81R+P2"]);
    const reporter = "7f3a9c1e5b2d48f6a0c9e7b3d1f5a2c4e8b6d0f2a4c6e8b1d3f5a7c9e2b4d6f8";
    expect(found(`env:\n  CC_TEST_REPORTER_ID: ${reporter}\n`)).toEqual([reporter]);
    expect(found(`CC_TEST_REPORTER_ID: ${reporter}0`)).toEqual([]);
  });

  it("finds a Teams connector webhook whatever the connector is called", () => {
    const path = "5d0e9b31-7a2c-4f18-9e64-c3b87a1f0d25@e41c6a08-93bd-42f7-a1e5-07d9f2c84b6e";
    const tail = "b7e21d94c05a3f68e19d2c7a4b80f653/9a3f07c2-6e18-4bd5-8c91-2f4e7d0a6b13";
    for (const connector of ["IncomingWebhook", "JenkinsCI"]) {
      const url = `https://acme.webhook.office.com/webhookb2/${path}/${connector}/${tail}`;
      expect(found(`notify: ${url}\n`)).toEqual([url]);
    }
    expect(found(`https://outlook.office.com/webhook/${path}/IncomingWebhook/`)).toEqual([]);
  });

  it("finds a Kubernetes bootstrap token only where its line names a token", () => {
    expect(found("kubeadm join 10.0.0.1:6443 --token 7t3kqx.0z5mfhq2c8w1v9rb --discovery-token-ca-cert-hash sha256:ab")).toEqual(["7t3kqx.0z5mfhq2c8w1v9rb"]);
    expect(found('bootstrapTokens:\n- token: "7t3kqx.0z5mfhq2c8w1v9rb"')).toEqual(["7t3kqx.0z5mfhq2c8w1v9rb"]);
    expect(found("kubeadm token create 7t3kqx.0z5mfhq2c8w1v9rb")).toEqual(["7t3kqx.0z5mfhq2c8w1v9rb"]);
    expect(found("import 7t3kqx.0z5mfhq2c8w1v9rb")).toEqual([]);
    expect(found("The tokenizer loads 7t3kqx.0z5mfhq2c8w1v9rb")).toEqual([]);
    expect(found("token: styles.mainappcomponents")).toEqual([]);
    expect(found("KUBEADM_TOKEN=7t3kqx.0z5mfhq2c8w1v9rb")).toEqual(["7t3kqx.0z5mfhq2c8w1v9rb"]);
    expect(found("bootstrapToken: 7t3kqx.0z5mfhq2c8w1v9rb")).toEqual(["7t3kqx.0z5mfhq2c8w1v9rb"]);
    expect(found("TOKEN_TTL is 123456.1234567890123456")).toEqual([]);
    expect(found("TOKENIZER 7t3kqx.0z5mfhq2c8w1v9rb")).toEqual([]);
    expect(found("token: 7t3kqx.0z5mfhq2c8w1v9rb.example.com")).toEqual([]);
  });

  it("leaves masked and cut-off keys alone", () => {
    expect(found('SLACK_TOKEN="xoxb-0000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"')).toEqual([]);
    expect(found('TAVILY_API_KEY = "tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"')).toEqual([]);
    expect(found("AKIAUJZDE8GXD6NCF10")).toEqual([]);
    expect(found("ghp_XsiVpzz63FfkCzJr4i0B")).toEqual([]);
  });

  it("does not take a key out of a longer word", () => {
    expect(found("XAKIAUJZDE8GXD6NCF10E")).toEqual([]);
    expect(found("AKIAUJZDE8GXD6NCF10EE")).toEqual([]);
    expect(found("my_ghp_XsiVpzz63FfkCzJr4i0B3JrTAwR4y9ojfljo")).toEqual([]);
  });

  it("leaves code, hashes and identifiers of similar shape alone", () => {
    const code = [
      "const sk = task-management-dashboard-component;",
      "b.removeTransientObservers(); s.addComponentsFromRegistry();",
      "commit 3f786850e387550fdab836ed7e6dc881de23001b",
      "id 123e4567-e89b-12d3-a456-426614174000",
      "sk-learn-pipeline-transformer-steps",
    ].join("\n");
    expect(found(code)).toEqual([]);
  });
});
