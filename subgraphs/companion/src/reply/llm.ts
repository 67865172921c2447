import type { ReplyGenerator, ReplyInput } from './generator.js';

/**
 * Replies from an OpenAI-compatible chat completions endpoint (COMPANION_LLM_URL), streamed.
 * The model sees only this person's retrieved memories. It is an aid, not a dependency: the
 * caller falls back to the offline responder when it fails or says nothing.
 */
export class ChatCompletionsResponder implements ReplyGenerator {
  readonly name = 'chat-completions';

  constructor(
    private readonly url: string,
    private readonly model: string,
    private readonly apiKey?: string,
    private readonly timeoutMs = 20_000,
  ) {}

  async *generate(input: ReplyInput, signal?: AbortSignal): AsyncIterable<string> {
    const memories = input.memories.map((m) => `- ${m.text}`).join('\n') || '(none)';
    const response = await fetch(new URL('chat/completions', ensureSlash(this.url)), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
      },
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)])
        : AbortSignal.timeout(this.timeoutMs),
      body: JSON.stringify({
        model: this.model,
        stream: true,
        max_tokens: 300,
        messages: [
          {
            role: 'system',
            content:
              `You are ${input.profile.name}, a ${input.profile.style} companion. Reply in ` +
              `${input.language === 'ko' ? 'Korean' : 'English'}, briefly. The person seems to feel ` +
              `${input.emotion?.label ?? 'neutral'}. Use only these memories of theirs; never invent ` +
              `facts about them; say so when you do not know:\n${memories}`,
          },
          { role: 'user', content: input.text },
        ],
      }),
    });
    if (!response.ok || !response.body) throw new Error(`model server answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (!line.startsWith('data:')) continue;
        const data = line.slice(5).trim();
        if (data === '[DONE]') return;
        const piece = (JSON.parse(data) as { choices?: Array<{ delta?: { content?: unknown } }> })
          .choices?.[0]?.delta?.content;
        if (typeof piece === 'string' && piece.length > 0) yield piece;
      }
    }
  }
}

const ensureSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
