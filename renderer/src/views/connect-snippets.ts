/** Copy-paste setup for the tools people point at the gateway. `token` is a real token only right after creating one. */
export function connectSnippets(endpoint: string, token: string): Array<{ id: string; title: string; language: string; text: string; note?: string }> {
  const origin = endpoint.replace(/\/v1\/?$/, "");
  return [
    {
      id: "python",
      title: "OpenAI SDK (Python)",
      language: "python",
      text: `from openai import OpenAI\n\nclient = OpenAI(base_url="${endpoint}", api_key="${token}")\nreply = client.chat.completions.create(model="auto", messages=[{"role": "user", "content": "Hello"}])\nprint(reply.choices[0].message.content)`,
    },
    {
      id: "javascript",
      title: "OpenAI SDK (JavaScript)",
      language: "javascript",
      text: `import OpenAI from "openai";\n\nconst client = new OpenAI({ baseURL: "${endpoint}", apiKey: "${token}" });\nconst reply = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Hello" }] });\nconsole.log(reply.choices[0].message.content);`,
    },
    {
      id: "curl",
      title: "curl",
      language: "shell",
      text: `curl ${endpoint}/chat/completions \\\n  -H "Authorization: Bearer ${token}" \\\n  -H "Content-Type: application/json" \\\n  -d '{"model":"auto","messages":[{"role":"user","content":"Hello"}]}'`,
    },
    {
      id: "environment",
      title: "Tools that read environment variables",
      language: "shell",
      text: `export OPENAI_BASE_URL=${endpoint}\nexport OPENAI_API_KEY=${token}`,
    },
    {
      id: "cursor",
      title: "Cursor",
      language: "text",
      text: `Settings → Models → OpenAI API Key: ${token}\nOverride OpenAI Base URL: ${endpoint}`,
      note: "Add the model names you want (auto, local, or a provider's model) under Models.",
    },
    {
      id: "continue",
      title: "Continue (config.yaml)",
      language: "yaml",
      text: `models:\n  - name: Privacy Router\n    provider: openai\n    model: auto\n    apiBase: ${endpoint}\n    apiKey: ${token}`,
    },
    {
      id: "aider",
      title: "aider",
      language: "shell",
      text: `aider --openai-api-base ${endpoint} --openai-api-key ${token} --model openai/auto`,
    },
    {
      id: "claude-code",
      title: "Claude Code",
      language: "shell",
      text: `export ANTHROPIC_BASE_URL=${origin}\nexport ANTHROPIC_AUTH_TOKEN=${token}\nclaude`,
      note: "Needs the gateway's Anthropic Messages endpoint.",
    },
  ];
}
