'use client';

import { useEffect, useState } from 'react';
import type { CrisisAlertFieldsFragment } from '../gql/graphql';
import { useAuth } from '../lib/auth/auth-provider';
import { GraphErrorCode, GraphFailure, plainMessage } from '../lib/graph/errors';
import { CrisisAlerts, PastCrisisAlerts } from './operations';

export type CrisisAlert = CrisisAlertFieldsFragment & { live: boolean };

/** How one person's alert stream stands. */
export type StreamState =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'stopped-sharing' }
  | { kind: 'failed'; message: string };

/** How many earlier alerts to show per person when the page opens. */
const EARLIER = 20;

/**
 * The crisis alerts of one person who shares them: the earlier ones, then each new one as it
 * happens. The stream is opened before the earlier ones are read, so none falls in between.
 * A revoked consent ends the stream with FORBIDDEN: the person stopped sharing.
 */
export function usePersonAlerts(
  personId: string,
  onAlert: (alert: CrisisAlert) => void,
): StreamState {
  const { graph } = useAuth();
  const [state, setState] = useState<StreamState>({ kind: 'connecting' });
  useEffect(() => {
    let active = true;
    const refused = (caught: unknown) =>
      caught instanceof GraphFailure && caught.code === GraphErrorCode.FORBIDDEN;
    const fail = (caught: unknown) =>
      setState(
        refused(caught)
          ? { kind: 'stopped-sharing' }
          : { kind: 'failed', message: plainMessage(caught) },
      );
    /** The latest alerts, read: on opening, and after a gap in the stream. */
    const readEarlier = () =>
      graph.request(PastCrisisAlerts, { userId: personId, first: EARLIER }).then(
        ({ user }) => {
          if (!active) return;
          setState((now) => (now.kind === 'connecting' ? { kind: 'live' } : now));
          for (const alert of user?.safetyEvents ?? []) onAlert({ ...alert, live: false });
        },
        (caught: unknown) => active && fail(caught),
      );
    const stop = graph.subscribe(
      CrisisAlerts,
      { userId: personId },
      {
        next: ({ crisisAlerts }) => {
          if (!active) return;
          setState({ kind: 'live' });
          onAlert({ ...crisisAlerts, live: true });
        },
        error: (failure) => {
          if (!active) return;
          // The socket dropped and came back: alerts raised meanwhile are read, the stream goes on.
          if (
            failure instanceof GraphFailure &&
            failure.code === GraphErrorCode.EVENTS_MAY_HAVE_BEEN_MISSED
          )
            void readEarlier();
          else fail(failure);
        },
      },
    );
    void readEarlier();
    return () => {
      active = false;
      stop();
    };
  }, [graph, personId, onAlert]);
  return state;
}
