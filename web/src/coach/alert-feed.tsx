'use client';

import { useCallback, useMemo, useState } from 'react';
import { Empty } from '../components/states';
import type { CrisisSharingQuery } from '../gql/graphql';
import { LEVEL, timeAgo, whatTheGuardSaw } from './alert-words';
import { usePersonAlerts, type CrisisAlert, type StreamState } from './use-crisis-alerts';
import { useNow } from './use-now';

type Grant = NonNullable<NonNullable<CrisisSharingQuery['me']>['consentsReceived']>[number];

const exactTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Everyone who shares their alerts with me, each with a live stream; their alerts newest first. */
export function AlertFeed({ people, onCheckAgain }: { people: Grant[]; onCheckAgain: () => void }) {
  const [alerts, setAlerts] = useState<Map<string, CrisisAlert>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const now = useNow();

  const add = useCallback((alert: CrisisAlert) => {
    setAlerts((known) => {
      if (known.has(alert.id)) return known;
      const next = new Map(known);
      next.set(alert.id, alert);
      return next;
    });
    if (alert.live)
      setAnnouncement(
        `New crisis alert: ${alert.person.displayName}, ${LEVEL[alert.level].label.toLowerCase()}.`,
      );
  }, []);

  const newestFirst = useMemo(
    () => [...alerts.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [alerts],
  );

  return (
    <>
      <section aria-labelledby="sharing-title" className="card">
        <h2 id="sharing-title">People who share their crisis alerts with you</h2>
        {people.length === 0 ? (
          <div data-testid="nobody-shares">
            <Empty>Nobody shares their crisis alerts with you yet.</Empty>
            <p>
              A person can share them on this page, under “Share my crisis alerts”, with the email
              address you sign in with. Their alerts then appear here as they happen.
            </p>
          </div>
        ) : (
          <ul className="coach-people" data-testid="sharing-people">
            {people.map((grant) => (
              <PersonStream key={grant.owner.id} grant={grant} onAlert={add} />
            ))}
          </ul>
        )}
        <button type="button" className="link" onClick={onCheckAgain}>
          Check again for people who shared since
        </button>
      </section>
      <section aria-labelledby="alerts-title" className="card">
        <h2 id="alerts-title">Crisis alerts</h2>
        {/* New alerts are read out at once, whatever the coach is doing on the page. */}
        <p className="visually-hidden" role="alert" data-testid="alert-announcer">
          {announcement}
        </p>
        {newestFirst.length === 0 ? (
          <Empty>
            {people.length === 0
              ? 'No alerts: nobody shares them with you.'
              : 'No crisis alerts. New ones appear here as they happen.'}
          </Empty>
        ) : (
          <ol className="crisis-alerts" data-testid="crisis-alerts">
            {newestFirst.map((alert) => (
              <li
                key={alert.id}
                className={`crisis-alert level-${alert.level.toLowerCase()}`}
                data-alert-id={alert.id}
              >
                <p className="alert-head">
                  <strong className="alert-level">{LEVEL[alert.level].label}</strong>
                  <span className="alert-person">{alert.person.displayName}</span>
                  <time dateTime={alert.createdAt} title={exactTime(alert.createdAt)}>
                    {timeAgo(alert.createdAt, now)}
                  </time>
                  {alert.live && <span className="alert-new">new</span>}
                </p>
                <p className="alert-seen">{whatTheGuardSaw(alert.level, alert.subject)}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

const STATE_WORDS = (state: StreamState, name: string): string => {
  switch (state.kind) {
    case 'connecting':
      return 'connecting…';
    case 'live':
      return 'live: new alerts appear at once';
    case 'stopped-sharing':
      return `${name} stopped sharing their crisis alerts with you`;
    case 'failed':
      return `not live: ${state.message}`;
  }
};

function PersonStream({ grant, onAlert }: { grant: Grant; onAlert: (alert: CrisisAlert) => void }) {
  const state = usePersonAlerts(grant.owner.id, onAlert);
  return (
    <li data-person-id={grant.owner.id} data-stream={state.kind}>
      <strong>{grant.owner.displayName}</strong>{' '}
      <span className={state.kind === 'live' ? 'ok' : 'muted'} role="status">
        {STATE_WORDS(state, grant.owner.displayName)}
      </span>
    </li>
  );
}
