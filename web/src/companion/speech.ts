/**
 * Talking to the companion through the browser's Web Speech API, where the browser offers it
 * (feature-detected; the text box is always there). Recognition turns the person's speech into
 * a message; synthesis reads the reply aloud sentence by sentence as it streams in, so the first
 * words are spoken before the reply is finished. The delay that matters to a person, from the
 * end of their speech to the first spoken word, is measured here.
 */

/** The part of SpeechRecognition used here (not in every TypeScript DOM library yet). */
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  start(): void;
  stop(): void;
  abort(): void;
  onresult:
    | ((event: {
        results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }>;
      }) => void)
    | null;
  onspeechend: (() => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
}
type RecognitionConstructor = new () => Recognition;

function recognitionConstructor(): RecognitionConstructor | null {
  if (typeof window === 'undefined') return null;
  const scope = window as unknown as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null;
}

export const canListen = () => recognitionConstructor() !== null;
export const canSpeak = () =>
  typeof window !== 'undefined' &&
  'speechSynthesis' in window &&
  'SpeechSynthesisUtterance' in window;

/** What was heard, and when the speech ended (performance.now()). */
export interface Heard {
  text: string;
  speechEndedAt: number;
}

/**
 * Listens for one utterance. Resolves with what was heard (null when nothing was), rejects
 * with a plain message when the microphone is refused or unavailable.
 */
export function listenOnce(lang: string, signal: AbortSignal): Promise<Heard | null> {
  const Constructor = recognitionConstructor();
  if (!Constructor) return Promise.reject(new Error('This browser cannot listen; please type.'));
  return new Promise((resolve, reject) => {
    const recognition = new Constructor();
    recognition.lang = lang;
    recognition.interimResults = false;
    recognition.continuous = false;
    let speechEndedAt: number | null = null;
    let heard: Heard | null = null;
    recognition.onspeechend = () => {
      speechEndedAt ??= performance.now();
    };
    recognition.onresult = (event) => {
      const result = event.results[0];
      const text = result?.[0]?.transcript.trim() ?? '';
      if (result?.isFinal && text)
        heard = { text, speechEndedAt: speechEndedAt ?? performance.now() };
    };
    recognition.onerror = (event) => {
      if (event.error === 'no-speech' || event.error === 'aborted') return;
      reject(
        new Error(
          event.error === 'not-allowed' || event.error === 'service-not-allowed'
            ? 'The microphone is not allowed for this page; please type, or allow it in the browser.'
            : `Listening failed (${event.error}); please type.`,
        ),
      );
    };
    recognition.onend = () => resolve(heard);
    signal.addEventListener('abort', () => recognition.abort(), { once: true });
    recognition.start();
  });
}

/** Where a sentence ends: its closing mark and the space (or line break) after it. */
const SENTENCE_END = /[.!?。！？…]+["')\]]*\s+|\n+/g;

/**
 * Reads a streaming reply aloud: each finished sentence is queued as it arrives, the rest when
 * the reply is complete. `onFirstWord` fires once, when the first utterance starts playing.
 */
export class ReadAloud {
  private heard = '';
  private spokenUpTo = 0;
  private started = false;

  constructor(
    private readonly lang: string,
    private readonly onFirstWord: (at: number) => void,
  ) {}

  /** More of the reply. */
  add(delta: string): void {
    this.heard += delta;
    let end = this.spokenUpTo;
    for (const match of this.heard.slice(this.spokenUpTo).matchAll(SENTENCE_END))
      end = this.spokenUpTo + match.index + match[0].length;
    if (end > this.spokenUpTo) this.say(this.heard.slice(this.spokenUpTo, end), end);
  }

  /** The whole reply, as stored: whatever was not yet spoken is spoken now. */
  finish(reply: string): void {
    const rest = reply.startsWith(this.heard.slice(0, this.spokenUpTo))
      ? reply.slice(this.spokenUpTo)
      : this.spokenUpTo === 0
        ? reply
        : '';
    this.heard = reply;
    if (rest.trim()) this.say(rest, reply.length);
  }

  stop(): void {
    window.speechSynthesis.cancel();
  }

  private say(text: string, upTo: number): void {
    this.spokenUpTo = upTo;
    if (!text.trim()) return;
    const utterance = new SpeechSynthesisUtterance(text.trim());
    utterance.lang = this.lang;
    utterance.onstart = () => {
      if (this.started) return;
      this.started = true;
      this.onFirstWord(performance.now());
    };
    window.speechSynthesis.speak(utterance);
  }
}
