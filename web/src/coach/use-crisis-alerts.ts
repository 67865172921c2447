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
          const refused =
            failure instanceof GraphFailure && failure.code === GraphErrorCode.FORBIDDEN;
          setState(
            refused
              ? { kind: 'stopped-sharing' }
              : { kind: 'failed', message: plainMessage(failure) },
          );
        },
      },
    );
    graph.request(PastCrisisAlerts, { userId: personId, first: EARLIER }).then(
      ({ user }) => {
        if (!active) return;
        setState((now) => (now.kind === 'connecting' ? { kind: 'live' } : now));
        for (const alert of user?.safetyEvents ?? []) onAlert({ ...alert, live: false });
      },
      (caught: unknown) => {
        if (!active) return;
        const refused = caught instanceof GraphFailure && caught.code === GraphErrorCode.FORBIDDEN;
        setState(
          refused ? { kind: 'stopped-sharing' } : { kind: 'failed', message: plainMessage(caught) },
        );
      },
    );
    return () => {
      active = false;
      stop();
    };
  }, [graph, personId, onAlert]);
  return state;
}
