'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlaythroughFieldsFragment, StateChangedSubscription } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/auth-provider';
import { GraphErrorCode, GraphFailure, plainMessage } from '../../lib/graph/errors';
import { StateChanged } from '../../lib/operations';
import { Choose, ReadPlaythrough, StartPlaythrough } from './operations';

export type Playthrough = PlaythroughFieldsFragment;
export type LiveReading = StateChangedSubscription['stateChanged'];

/** Where the playthrough of a story is remembered, per person, so a reload resumes it. */
const savedKey = (userId: string, storyId: string) => `mindscape.playthrough.${userId}.${storyId}`;

/** What changed in the offered choices between two reads of the same scene, in words. */
export function choiceChanges(before: Playthrough, after: Playthrough): string | null {
  if (before.currentScene?.id !== after.currentScene?.id) return null;
  const had = new Map(before.availableChoices.map((c) => [c.id, c.text || 'Continue']));
  const has = new Map(after.availableChoices.map((c) => [c.id, c.text || 'Continue']));
  const opened = [...has].filter(([id]) => !had.has(id)).map(([, text]) => `“${text}”`);
  const closed = [...had].filter(([id]) => !has.has(id)).map(([, text]) => `“${text}”`);
  const parts = [
    opened.length > 0 && `New choice: ${opened.join(', ')}.`,
    closed.length > 0 && `No longer offered: ${closed.join(', ')}.`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * A reader's playthrough of one story: resumed from the last visit or started, advanced by
 * choices, and read again whenever the reader's live state changes (the graph evaluates the
 * choices' rules against that state, so choices open and close as the body does).
 */
export function usePlaythrough(storyId: string, ready: boolean) {
  const { graph, user } = useAuth();
  const [playthrough, setPlaythrough] = useState<Playthrough | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [live, setLive] = useState<LiveReading | null>(null);
  const [liveError, setLiveError] = useState<string | null>(null);
  const current = useRef<Playthrough | null>(null);
  const userId = user?.id;

  const show = useCallback(
    (next: Playthrough) => {
      const before = current.current;
      current.current = next;
      setPlaythrough(next);
      setError(null);
      if (userId) localStorage.setItem(savedKey(userId, storyId), next.id);
      if (before) {
        const changed = choiceChanges(before, next);
        if (changed) setAnnouncement(changed);
      }
    },
    [storyId, userId],
  );

  const start = useCallback(async () => {
    const { startPlaythrough } = await graph.request(StartPlaythrough, { storyId });
    current.current = null;
    show(startPlaythrough);
    setAnnouncement(`Started: ${startPlaythrough.currentScene?.name ?? 'the story'}.`);
  }, [graph, storyId, show]);

  // Resume the remembered playthrough, or start one.
  useEffect(() => {
    if (!ready || !userId) return;
    let active = true;
    const saved = localStorage.getItem(savedKey(userId, storyId));
    (async () => {
      if (saved) {
        try {
          const { playthrough: resumed } = await graph.request(ReadPlaythrough, { id: saved });
          if (active) show(resumed);
          return;
        } catch (caught) {
          const gone =
            caught instanceof GraphFailure &&
            (caught.code === GraphErrorCode.NOT_FOUND ||
              caught.code === GraphErrorCode.BAD_USER_INPUT);
          if (!gone) throw caught;
          localStorage.removeItem(savedKey(userId, storyId));
        }
      }
      if (active) await start();
    })().catch((caught: unknown) => active && setError(plainMessage(caught)));
    return () => {
      active = false;
    };
  }, [graph, ready, storyId, userId, show, start]);

  // Each change of the reader's live state: read the playthrough again (one read at a time,
  // the newest wins). The graph evaluates rules on the state the event carried: the emotions
  // subgraph answers from the memory that computed it, even before its write lands.
  const playthroughId = playthrough?.id;
  useEffect(() => {
    if (!playthroughId) return;
    let reading = false;
    let again = false;
    let active = true;
    const reread = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const { playthrough: fresh } = await graph.request(ReadPlaythrough, {
            id: playthroughId,
          });
          if (active && fresh.id === current.current?.id) show(fresh);
        } while (again && active);
      } catch (caught) {
        if (active) setLiveError(plainMessage(caught));
      } finally {
        reading = false;
      }
    };
    const stop = graph.subscribe(
      StateChanged,
      { userId: null },
      {
        next: ({ stateChanged }) => {
          setLive(stateChanged);
          setLiveError(null);
          void reread();
        },
        error: (failure) => {
          // The socket dropped and came back: the state may have moved meanwhile, so read again.
          if (
            failure instanceof GraphFailure &&
            failure.code === GraphErrorCode.EVENTS_MAY_HAVE_BEEN_MISSED
          )
            void reread();
          else setLiveError(plainMessage(failure));
        },
      },
    );
    return () => {
      active = false;
      stop();
    };
  }, [graph, playthroughId, show]);

  const choose = useCallback(
    async (choiceId: string) => {
      const from = current.current;
      if (!from) return;
      setBusy(true);
      try {
        const { choose: next } = await graph.request(Choose, {
          playthroughId: from.id,
          choiceId,
        });
        show(next);
        setAnnouncement(
          next.currentScene?.isEnding || next.finished
            ? `${next.currentScene?.name ?? 'The end'}: the end.`
            : `Now: ${next.currentScene?.name ?? ''}.`,
        );
      } catch (caught) {
        setError(plainMessage(caught));
        // The choice may have closed meanwhile: show what is offered now.
        const { playthrough: fresh } = await graph
          .request(ReadPlaythrough, { id: from.id })
          .catch(() => ({ playthrough: null }));
        if (fresh) show(fresh);
      } finally {
        setBusy(false);
      }
    },
    [graph, show],
  );

  const startOver = useCallback(async () => {
    setBusy(true);
    try {
      await start();
    } catch (caught) {
      setError(plainMessage(caught));
    } finally {
      setBusy(false);
    }
  }, [start]);

  return { playthrough, error, busy, announcement, live, liveError, choose, startOver };
}
