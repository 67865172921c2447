'use client';

import { useCallback, useEffect, useState } from 'react';
import { ErrorNote, Loading } from '../components/states';
import type { CrisisSharingQuery } from '../gql/graphql';
import { useAuth } from '../lib/auth/auth-provider';
import { plainMessage } from '../lib/graph/errors';
import { AlertFeed } from './alert-feed';
import { CrisisSharing } from './operations';
import { ShareMyAlerts } from './share-my-alerts';
import './coach.css';

export type Sharing = NonNullable<CrisisSharingQuery['me']>;

/**
 * The coach view: the crisis alerts of everyone who shares them with me, live; and, for my own
 * alerts, whom I share them with.
 */
export function Coach() {
  const { graph } = useAuth();
  const [sharing, setSharing] = useState<Sharing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let active = true;
    graph.request(CrisisSharing).then(
      ({ me }) => {
        if (!active) return;
        setSharing(me);
        setError(null);
      },
      (caught: unknown) => active && setError(plainMessage(caught)),
    );
    return () => {
      active = false;
    };
  }, [graph, version]);

  return (
    <div className="stack coach">
      <h1>Coach</h1>
      <p className="coach-intro">
        When someone shares their crisis alerts with you, every alert their companion’s safety guard
        raises appears here as it happens: when, who, and how serious it looked. You never see their
        conversation. If someone may be in danger right now, contact them or the emergency services.
      </p>
      <ErrorNote message={error} />
      {sharing === null ? (
        !error && <Loading what="who shares their alerts with you" />
      ) : (
        <>
          <AlertFeed
            people={sharing.consentsReceived?.filter((c) => c.scope === 'CRISIS_ALERTS') ?? []}
            onCheckAgain={reload}
          />
          <ShareMyAlerts
            grants={sharing.consents?.filter((c) => c.scope === 'CRISIS_ALERTS') ?? []}
            onChanged={reload}
          />
        </>
      )}
    </div>
  );
}
