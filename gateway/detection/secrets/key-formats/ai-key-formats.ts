import { keyFormat, tokenEnd, tokenEndWithDash, tokenStart, type KeyFormat } from "./key-format.js";
import { hasMixedCase, looksGenerated } from "./key-checks.js";

/** Model providers and AI tool APIs. */
export const aiKeyFormats: readonly KeyFormat[] = [
  keyFormat("anthropic-api-key", ["sk-ant-"], `${tokenStart}sk-ant-[A-Za-z0-9_-]{32,}`),
  // OpenAI (`sk-`, `sk-proj-`, `sk-svcacct-`, `sk-admin-`) and the providers that copied its
  // shape (OpenRouter `sk-or-v1-`, DeepSeek): a random body decides, since `sk-` starts words too.
  keyFormat("openai-style-api-key", ["sk-"], `${tokenStart}sk-(?!ant-)(?:[a-z0-9]+-){0,2}[A-Za-z0-9_-]{20,}`, looksGenerated),
  keyFormat("huggingface-token", ["hf_", "api_org_"], `${tokenStart}(?:hf_|api_org_)[A-Za-z]{34}${tokenEnd}`, hasMixedCase),
  keyFormat("replicate-token", ["r8_"], `${tokenStart}r8_[A-Za-z0-9]{37}${tokenEnd}`),
  keyFormat("groq-api-key", ["gsk_"], `${tokenStart}gsk_[A-Za-z0-9]{52}${tokenEnd}`),
  keyFormat("perplexity-api-key", ["pplx-"], `${tokenStart}pplx-[A-Za-z0-9]{48}${tokenEnd}`),
  keyFormat("xai-api-key", ["xai-"], `${tokenStart}xai-[A-Za-z0-9]{70,90}${tokenEnd}`),
  keyFormat("langsmith-api-key", ["lsv2_"], `${tokenStart}lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}${tokenEnd}`),
  keyFormat("pinecone-api-key", ["pcsk_"], `${tokenStart}pcsk_[A-Za-z0-9_]{40,}${tokenEnd}`),
  keyFormat("tavily-api-key", ["tvly-"], `${tokenStart}tvly-(?:dev-|prod-)?[A-Za-z0-9]{32}${tokenEnd}`),
  keyFormat("firecrawl-api-key", ["fc-"], `${tokenStart}fc-[a-f0-9]{32}${tokenEnd}`),
  keyFormat("jina-api-key", ["jina_"], `${tokenStart}jina_[A-Za-z0-9]{40,}${tokenEnd}`),
  keyFormat("elevenlabs-api-key", ["sk_"], `${tokenStart}sk_[a-f0-9]{48}${tokenEnd}`),
  keyFormat("langfuse-secret-key", ["sk-lf-"], `${tokenStart}sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}${tokenEndWithDash}`),
];
