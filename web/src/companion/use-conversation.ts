'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SendCompanionMessageMutation } from '../gql/graphql';
import { useAuth } from '../lib/auth/auth-provider';
import { plainMessage } from '../lib/graph/errors';
import { CompanionReply, SendCompanionMessage, StartConversation } from '../lib/operations';

type TurnAnswer = SendCompanionMessageMutation['sendCompanionMessage'];
export type MemoryUse = TurnAnswer['reply']['memoriesUsed'][number];
export type SafetyAction = NonNullable<TurnAnswer['safety']>;

/** One thing the person said and the companion's answer, as it arrives. */
export interface Turn {
  /** Chosen once per message and sent again on retry: the graph answers a retry with the same turn. */
  clientMessageId: string;
  text: string;
  status: 'sending' | 'streaming' | 'done' | 'failed';
  /** The reply so far (the streamed pieces), then the reply as the graph stored it. */
  reply: string;
  /** The first streamed piece: the fixed crisis text when the safety guard fired. */
  firstPiece?: string;
  memoriesUsed: MemoryUse[];
  memoriesSaved: number;
  safety: SafetyAction | null;
  error?: string;
  /** performance.now() when the message left, and when the first piece of the reply came. */
  sentAt: number;
  firstPieceAt?: number;
}

export interface Conversation {
  conversationId: string | null;
  /** Why the live reply stream is not there (replies then appear whole). */
  streamError: string | null;
  turns: Turn[];
  busy: boolean;
  send(text: string): Promise<Turn | undefined>;
  retry(clientMessageId: string): Promise<Turn | undefined>;
  /** Called with each piece's text as it arrives (speech output reads along). */
  onPiece(listener: ((delta: string, turn: Turn) => void) | null): void;
}

/**
 * A conversation with the companion: opened with startConversation, its reply stream
 * (companionReply) subscribed before the person says anything, each message sent with its
 * own clientMessageId. The streamed pieces show the reply as it is produced; the mutation's
 * answer then replaces it with the stored reply, its memories and the safety action.
 */
export function useConversation(): Conversation {
  const { graph } = useAuth();
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [streamError, setStreamError] = useState<string | null>(null);
  const [turns, setTurns] = useState<Turn[]>([]);
  const turnsRef = useRef<Turn[]>([]);
  const pieceListener = useRef<((delta: string, turn: Turn) => void) | null>(null);
  const conversationRef = useRef<string | null>(null);

  const update = useCallback((clientMessageId: string, change: (turn: Turn) => Turn) => {
    turnsRef.current = turnsRef.current.map((turn) =>
      turn.clientMessageId === clientMessageId ? change(turn) : turn,
    );
    setTurns(turnsRef.current);
  }, []);

  useEffect(() => {
    let cancelled = false;
    graph.request(StartConversation).then(
      ({ startConversation }) => {
        if (cancelled) return;
        conversationRef.current = startConversation.id;
        setConversationId(startConversation.id);
      },
      (error: unknown) => !cancelled && setStreamError(plainMessage(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [graph]);

  useEffect(() => {
    if (!conversationId) return;
    return graph.subscribe(
      CompanionReply,
      { conversationId },
      {
        next: ({ companionReply: piece }) => {
          // The reply being produced belongs to the message waiting for it.
          const waiting = turnsRef.current.findLast(
            (turn) => turn.status === 'sending' || turn.status === 'streaming',
          );
          if (!waiting || piece.done || !piece.delta) return;
          const now = performance.now();
          update(waiting.clientMessageId, (turn) => ({
            ...turn,
            status: 'streaming',
            reply: turn.reply + piece.delta,
            firstPiece: turn.firstPiece ?? piece.delta,
            firstPieceAt: turn.firstPieceAt ?? now,
          }));
          pieceListener.current?.(piece.delta, waiting);
        },
        error: (failure) => setStreamError(plainMessage(failure)),
      },
    );
  }, [conversationId, graph, update]);

  const deliver = useCallback(
    async (clientMessageId: string): Promise<Turn | undefined> => {
      const turn = turnsRef.current.find((t) => t.clientMessageId === clientMessageId);
      if (!turn) return undefined;
      try {
        const { sendCompanionMessage: answer } = await graph.request(SendCompanionMessage, {
          conversationId: conversationRef.current,
          text: turn.text,
          clientMessageId,
        });
        if (!conversationRef.current) {
          conversationRef.current = answer.conversation.id;
          setConversationId(answer.conversation.id);
        }
        update(clientMessageId, (t) => ({
          ...t,
          status: 'done',
          reply: answer.reply.text,
          memoriesUsed: answer.reply.memoriesUsed,
          memoriesSaved: answer.memoriesSaved.length,
          safety: answer.safety && answer.safety.level !== 'NONE' ? answer.safety : null,
        }));
      } catch (error) {
        update(clientMessageId, (t) => ({ ...t, status: 'failed', error: plainMessage(error) }));
      }
      return turnsRef.current.find((t) => t.clientMessageId === clientMessageId);
    },
    [graph, update],
  );

  const send = useCallback(
    (text: string) => {
      const turn: Turn = {
        clientMessageId: crypto.randomUUID(),
        text,
        status: 'sending',
        reply: '',
        memoriesUsed: [],
        memoriesSaved: 0,
        safety: null,
        sentAt: performance.now(),
      };
      turnsRef.current = [...turnsRef.current, turn];
      setTurns(turnsRef.current);
      return deliver(turn.clientMessageId);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientMessageId: string) => {
      update(clientMessageId, (t) => {
        const { error: _error, firstPiece: _first, firstPieceAt: _at, ...rest } = t;
        return { ...rest, status: 'sending', reply: '', sentAt: performance.now() };
      });
      return deliver(clientMessageId);
    },
    [deliver, update],
  );

  return {
    conversationId,
    streamError,
    turns,
    busy: turns.some((turn) => turn.status === 'sending' || turn.status === 'streaming'),
    send,
    retry,
    onPiece: (listener) => {
      pieceListener.current = listener;
    },
  };
}
