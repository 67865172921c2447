'use client';

import { useEffect, useState } from 'react';
import { useAuth } from '../lib/auth/auth-provider';
import { plainMessage } from '../lib/graph/errors';
import { EmotionRecorded, History, Journal, StateChanged } from '../lib/operations';
import type { Watchable } from './use-people';

export interface StatePoint {
  t: number;
  heartRate: number | null;
  rmssd: number | null;
  stress: number | null;
}
export interface EmotionPoint {
  t: number;
  valence: number;
  arousal: number;
  label: string;
}
export interface SessionRow {
  id: string;
  program: string;
  startedAt: string;
  durationSeconds: number;
  heartRateStart?: number | null;
  heartRateEnd?: number | null;
  rmssdStart?: number | null;
  rmssdEnd?: number | null;
}

export interface BodyHistory {
  states: StatePoint[];
  emotions: EmotionPoint[];
  sessions: SessionRow[];
  loading: boolean;
  error: string | null;
  journalError: string | null;
  live: boolean;
}

/** Points the server keeps for one chart (it downsamples longer ranges to this many). */
const RESOLUTION = 500;

/**
 * A person's history over the last `rangeMs`, downsampled on the server, then kept current
 * by the live subscriptions: a new state or reading appears as soon as its event arrives.
 */
export function useBodyHistory(person: Watchable | undefined, rangeMs: number): BodyHistory {
  const { graph } = useAuth();
  const [history, setHistory] = useState<BodyHistory>({
    states: [],
    emotions: [],
    sessions: [],
    loading: true,
    error: null,
    journalError: null,
    live: false,
  });

  useEffect(() => {
    if (!person) return;
    let active = true;
    const to = new Date();
    const from = new Date(to.getTime() - rangeMs);
    const range = { userId: person.id, from: from.toISOString(), to: to.toISOString() };
    setHistory((h) => ({ ...h, states: [], emotions: [], loading: true, error: null }));
    const cutoff = () => Date.now() - rangeMs;

    graph.request(History, { ...range, resolution: RESOLUTION }).then(
      ({ user }) => {
        if (!active) return;
        const stored = (user?.stateHistory ?? []).map((s) => ({
          t: Date.parse(s.updatedAt),
          heartRate: s.heartRate ?? null,
          rmssd: s.hrv?.rmssd ?? null,
          stress: s.stress ?? null,
        }));
        const newest = stored.at(-1)?.t ?? 0;
        setHistory((h) => ({
          ...h,
          loading: false,
          // Live points that arrived while the history loaded stay.
          states: [...stored, ...h.states.filter((p) => p.t > newest)],
          sessions: user?.listeningSessions ?? [],
        }));
      },
      (caught: unknown) =>
        active && setHistory((h) => ({ ...h, loading: false, error: plainMessage(caught) })),
    );
    if (person.scopes.has('JOURNAL'))
      graph.request(Journal, range).then(
        ({ user }) =>
          active &&
          setHistory((h) => ({
            ...h,
            journalError: null,
            emotions: (user?.emotionReadings ?? []).map((r) => ({
              t: Date.parse(r.createdAt),
              valence: r.valence,
              arousal: r.arousal,
              label: r.labels[0]?.label ?? '',
            })),
          })),
        (caught: unknown) => active && setHistory((h) => ({ ...h, journalError: plainMessage(caught) })),
      );

    const userId = person.self ? null : person.id;
    const stops: Array<() => void> = [];
    if (person.scopes.has('LIVE_STATE')) {
      stops.push(
        graph.subscribe(StateChanged, { userId }, {
          next: ({ stateChanged: s }) =>
            setHistory((h) => ({
              ...h,
              live: true,
              states: [
                ...h.states.filter((p) => p.t >= cutoff()),
                {
                  t: Date.parse(s.updatedAt),
                  heartRate: s.heartRate ?? null,
                  rmssd: s.hrv?.rmssd ?? null,
                  stress: s.stress ?? null,
                },
              ].sort((a, b) => a.t - b.t),
            })),
          error: (failure) => setHistory((h) => ({ ...h, live: false, error: failure.message })),
        }),
      );
    }
    if (person.scopes.has('JOURNAL')) {
      stops.push(
        graph.subscribe(EmotionRecorded, { userId }, {
          next: ({ emotionRecorded: r }) =>
            setHistory((h) => ({
              ...h,
              emotions: [
                ...h.emotions,
                {
                  t: Date.parse(r.createdAt),
                  valence: r.valence,
                  arousal: r.arousal,
                  label: r.labels[0]?.label ?? '',
                },
              ],
            })),
          error: () => undefined,
        }),
      );
    }
    return () => {
      active = false;
      for (const stop of stops) stop();
    };
  }, [graph, person, rangeMs]);

  return history;
}
