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

const empty = (key: string): Keyed => ({
  key,
  states: [],
  emotions: [],
  sessions: [],
  loaded: false,
  error: null,
  journalError: null,
  live: false,
});

type Keyed = Omit<BodyHistory, 'loading'> & { key: string; loaded: boolean };

const statePoint = (s: {
  updatedAt: string;
  heartRate?: number | null;
  stress?: number | null;
  hrv?: { rmssd?: number | null } | null;
}): StatePoint => ({
  t: Date.parse(s.updatedAt),
  heartRate: s.heartRate ?? null,
  rmssd: s.hrv?.rmssd ?? null,
  stress: s.stress ?? null,
});

const emotionPoint = (r: {
  createdAt: string;
  valence: number;
  arousal: number;
  labels: Array<{ label: string }>;
}): EmotionPoint => ({
  t: Date.parse(r.createdAt),
  valence: r.valence,
  arousal: r.arousal,
  label: r.labels[0]?.label ?? '',
});

/**
 * A person's history over the last `rangeMs`, downsampled on the server, then kept current
 * by the live subscriptions: a new state or reading appears as soon as its event arrives.
 */
export function useBodyHistory(person: Watchable | undefined, rangeMs: number): BodyHistory {
  const { graph } = useAuth();
  const key = `${person?.id ?? ''}|${rangeMs}`;
  const [history, setHistory] = useState<Keyed>(() => empty(key));

  useEffect(() => {
    if (!person) return;
    let active = true;
    // Every change is for this person and range; anything kept from another is dropped.
    const change = (update: (h: Keyed) => Partial<Keyed>) =>
      active &&
      setHistory((previous) => {
        const h = previous.key === key ? previous : empty(key);
        return { ...h, ...update(h) };
      });
    const to = new Date();
    const from = new Date(to.getTime() - rangeMs);
    const range = { userId: person.id, from: from.toISOString(), to: to.toISOString() };
    const cutoff = () => Date.now() - rangeMs;

    graph.request(History, { ...range, resolution: RESOLUTION }).then(
      ({ user }) => {
        const stored = (user?.stateHistory ?? []).map(statePoint);
        const newest = stored.at(-1)?.t ?? 0;
        change((h) => ({
          loaded: true,
          // Live points that arrived while the history loaded stay.
          states: [...stored, ...h.states.filter((p) => p.t > newest)],
          sessions: user?.listeningSessions ?? [],
        }));
      },
      (caught: unknown) => change(() => ({ loaded: true, error: plainMessage(caught) })),
    );
    if (person.scopes.has('JOURNAL'))
      graph.request(Journal, range).then(
        ({ user }) =>
          change((h) => ({
            journalError: null,
            emotions: [...(user?.emotionReadings ?? []).map(emotionPoint), ...h.emotions],
          })),
        (caught: unknown) => change(() => ({ journalError: plainMessage(caught) })),
      );

    const userId = person.self ? null : person.id;
    const stops: Array<() => void> = [];
    if (person.scopes.has('LIVE_STATE'))
      stops.push(
        graph.subscribe(
          StateChanged,
          { userId },
          {
            next: ({ stateChanged }) =>
              change((h) => ({
                live: true,
                states: [...h.states.filter((p) => p.t >= cutoff()), statePoint(stateChanged)],
              })),
            error: (failure) => change(() => ({ live: false, error: failure.message })),
          },
        ),
      );
    if (person.scopes.has('JOURNAL'))
      stops.push(
        graph.subscribe(
          EmotionRecorded,
          { userId },
          {
            next: ({ emotionRecorded }) =>
              change((h) => ({ emotions: [...h.emotions, emotionPoint(emotionRecorded)] })),
            error: () => undefined,
          },
        ),
      );
    return () => {
      active = false;
      for (const stop of stops) stop();
    };
  }, [graph, person, rangeMs, key]);

  const current = history.key === key ? history : empty(key);
  return { ...current, loading: !current.loaded };
}
