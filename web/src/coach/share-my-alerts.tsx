'use client';

import { useId, useState } from 'react';
import { Empty, ErrorNote } from '../components/states';
import type { CrisisSharingQuery } from '../gql/graphql';
import { useAuth } from '../lib/auth/auth-provider';
import { plainMessage } from '../lib/graph/errors';
import { ShareCrisisAlerts, StopSharing } from './operations';

type Grant = NonNullable<NonNullable<CrisisSharingQuery['me']>['consents']>[number];

/** The person's side: share my crisis alerts with a coach by email, or stop sharing. */
export function ShareMyAlerts({ grants, onChanged }: { grants: Grant[]; onChanged: () => void }) {
  const { graph } = useAuth();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const emailId = useId();
  const hintId = useId();

  async function act(what: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await what());
      onChanged();
    } catch (caught) {
      setError(plainMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="share-title" className="card">
      <h2 id="share-title">Share my crisis alerts</h2>
      <p id={hintId} className="muted">
        A coach you share with sees each crisis alert your companion raises, as it happens: the time
        and how serious it looked, never what you said. You can stop at any time.
      </p>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          const to = email.trim();
          void act(async () => {
            await graph.request(ShareCrisisAlerts, { granteeEmail: to });
            setEmail('');
            return `Your crisis alerts are now shared with ${to}.`;
          });
        }}
      >
        <label htmlFor={emailId}>Coach’s email</label>
        <input
          id={emailId}
          type="email"
          required
          autoComplete="off"
          aria-describedby={hintId}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" disabled={busy || !email.trim()}>
          Share
        </button>
      </form>
      <ErrorNote message={error} />
      <p role="status" aria-live="polite" className="ok">
        {notice}
      </p>
      {grants.length === 0 ? (
        <Empty>You share your crisis alerts with nobody.</Empty>
      ) : (
        <ul className="coach-grants" data-testid="my-grants">
          {grants.map((grant) => (
            <li key={grant.id}>
              Shared with <strong>{grant.grantee.displayName}</strong>{' '}
              <span className="muted">
                since{' '}
                {new Date(grant.grantedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}
              </span>{' '}
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    await graph.request(StopSharing, { id: grant.id });
                    return `You no longer share your crisis alerts with ${grant.grantee.displayName}.`;
                  })
                }
              >
                Stop sharing
                <span className="visually-hidden"> with {grant.grantee.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
