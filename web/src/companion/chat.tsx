'use client';

import { useId, useRef, useState, useSyncExternalStore } from 'react';
import { ErrorNote } from '../components/states';
import { opensWithCrisisText, splitCrisis } from './crisis-lines';
import { CrisisResources } from './crisis-resources';
import { MemoriesUsed } from './memories-used';
import { canListen, canSpeak, listenOnce, ReadAloud } from './speech';
import { useConversation, type Turn } from './use-conversation';

const noChanges = () => () => undefined;
const BROWSER_VOICE = { listen: false, speak: false };
const browserVoice = () => {
  BROWSER_VOICE.listen = canListen();
  BROWSER_VOICE.speak = canSpeak();
  return BROWSER_VOICE;
};
const SERVER_VOICE = { listen: false, speak: false };
const serverVoice = () => SERVER_VOICE;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The conversation: what was said, the replies as they stream in, and the box to say more. */
export function Chat({ onTurnDone }: { onTurnDone(turn: Turn): void }) {
  const conversation = useConversation();
  const [draft, setDraft] = useState('');
  const [speakReplies, setSpeakReplies] = useState(false);
  const [listening, setListening] = useState(false);
  const [speechError, setSpeechError] = useState<string | null>(null);
  const [speechDelay, setSpeechDelay] = useState<{ total: number; graph: number | null } | null>(
    null,
  );
  // Feature detection happens in the browser only (the server renders the plain form).
  const voice = useSyncExternalStore(noChanges, browserVoice, serverVoice);
  const stopListening = useRef<AbortController | null>(null);
  const inputId = useId();
  const lang = typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US';

  async function say(text: string, spokenAt?: number) {
    const trimmed = text.trim();
    if (!trimmed || conversation.busy) return;
    setDraft('');
    if (spokenAt !== undefined) setSpeechDelay(null);
    let reader: ReadAloud | null = null;
    if (speakReplies && voice.speak) {
      reader = new ReadAloud(lang, (firstWordAt) => {
        if (spokenAt !== undefined)
          setSpeechDelay((delay) => ({
            total: firstWordAt - spokenAt,
            graph: delay?.graph ?? null,
          }));
      });
      const speaking = reader;
      conversation.onPiece((delta) => speaking.add(delta));
    }
    const turn = await conversation.send(trimmed);
    conversation.onPiece(null);
    if (turn && reader && turn.status === 'done') reader.finish(turn.reply);
    if (turn && spokenAt !== undefined && turn.firstPieceAt !== undefined)
      setSpeechDelay((delay) => ({
        total: delay?.total ?? NaN,
        graph: turn.firstPieceAt! - turn.sentAt,
      }));
    if (turn?.status === 'done') onTurnDone(turn);
  }

  async function listen() {
    if (listening) {
      stopListening.current?.abort();
      return;
    }
    setSpeechError(null);
    setListening(true);
    const controller = new AbortController();
    stopListening.current = controller;
    try {
      const heard = await listenOnce(lang, controller.signal);
      if (heard) await say(heard.text, heard.speechEndedAt);
    } catch (error) {
      setSpeechError((error as Error).message);
    } finally {
      setListening(false);
    }
  }

  return (
    <section aria-labelledby="chat-title" className="card chat">
      <h2 id="chat-title">Talk with your companion</h2>
      <ErrorNote
        message={
          conversation.streamError &&
          `Live replies are paused: ${conversation.streamError} Replies will appear when complete.`
        }
      />
      {/* A log region around the list: role="log" on the <ol> itself would hide its items' list semantics. */}
      <div role="log" aria-live="polite" aria-label="Conversation" data-testid="conversation">
        <ol className="turns">
          {conversation.turns.length === 0 && (
            <li className="muted empty">
              Say anything. The companion remembers what you tell it; you can see, search and forget
              what it remembers below.
            </li>
          )}
          {conversation.turns.map((turn) => (
            <TurnView
              key={turn.clientMessageId}
              turn={turn}
              conversationId={conversation.conversationId}
              onRetry={() =>
                void conversation
                  .retry(turn.clientMessageId)
                  .then((t) => t?.status === 'done' && onTurnDone(t))
              }
            />
          ))}
        </ol>
      </div>
      <form
        className="say"
        onSubmit={(event) => {
          event.preventDefault();
          void say(draft);
        }}
      >
        <label htmlFor={inputId}>Your message</label>
        <textarea
          id={inputId}
          value={draft}
          rows={2}
          maxLength={4000}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // Enter sends, Shift+Enter starts a new line (as in most chat apps).
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void say(draft);
            }
          }}
        />
        <div className="actions">
          <button type="submit" disabled={conversation.busy || !draft.trim()}>
            {conversation.busy ? 'Waiting for the reply…' : 'Send'}
          </button>
          {voice.listen && (
            <button type="button" onClick={() => void listen()} aria-pressed={listening}>
              {listening ? 'Stop listening' : 'Speak'}
            </button>
          )}
          {voice.speak && (
            <label className="choice">
              <input
                type="checkbox"
                checked={speakReplies}
                onChange={(event) => setSpeakReplies(event.target.checked)}
              />
              Read replies aloud
            </label>
          )}
        </div>
        {!voice.listen && (
          <p className="muted">
            Speaking is not available in this browser; typing works everywhere.
          </p>
        )}
        <ErrorNote message={speechError} />
        {speechDelay && (
          <p className="muted" data-testid="speech-delay" role="status">
            From the end of your words to the first spoken word:{' '}
            {Number.isFinite(speechDelay.total) ? seconds(speechDelay.total) : 'not spoken'}
            {speechDelay.graph !== null &&
              ` (of which the graph, message to first words: ${seconds(speechDelay.graph)})`}
            .
          </p>
        )}
      </form>
    </section>
  );
}

function TurnView({
  turn,
  conversationId,
  onRetry,
}: {
  turn: Turn;
  conversationId: string | null;
  onRetry(): void;
}) {
  const crisisShown = turn.safety !== null || opensWithCrisisText(turn.firstPiece);
  const { crisis, rest } = crisisShown
    ? splitCrisis(turn.reply, turn.firstPiece)
    : { crisis: '', rest: turn.reply };
  return (
    <li
      className="turn"
      data-status={turn.status}
      data-first-piece-ms={
        turn.firstPieceAt === undefined ? undefined : Math.round(turn.firstPieceAt - turn.sentAt)
      }
    >
      <p className="said">
        <span className="visually-hidden">You said: </span>
        {turn.text}
      </p>
      <article
        className="reply"
        aria-label="The companion's reply"
        aria-busy={turn.status === 'sending' || turn.status === 'streaming'}
      >
        {crisisShown && (
          <CrisisResources
            locale={turn.safety?.locale ?? null}
            text={crisis}
            {...(turn.safety ? { graphLines: turn.safety.lines } : {})}
          />
        )}
        {turn.status === 'sending' && !turn.reply && (
          <p className="muted" role="status">
            The companion is thinking…
          </p>
        )}
        {rest && (
          <p className="reply-text" data-testid="reply-text">
            {rest}
          </p>
        )}
        {turn.status === 'failed' && (
          <div role="alert" className="error">
            <p>Your message did not get through: {turn.error}</p>
            <button type="button" onClick={onRetry}>
              Try again
            </button>
          </div>
        )}
        <MemoriesUsed uses={turn.memoriesUsed} conversationId={conversationId} />
      </article>
    </li>
  );
}
