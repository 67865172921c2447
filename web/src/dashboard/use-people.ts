'use client';

import { useEffect, useState } from 'react';
import type { ConsentScope } from '../gql/graphql';
import { useAuth } from '../lib/auth/auth-provider';
import { plainMessage } from '../lib/graph/errors';
import { People } from '../lib/operations';

export interface Watchable {
  id: string;
  name: string;
  self: boolean;
  /** What this person let the viewer see (everything the dashboard shows, for oneself). */
  scopes: Set<ConsentScope>;
}

/** Oneself, and everyone who granted the viewer a consent. */
export function usePeople(): { people: Watchable[]; error: string | null } {
  const { graph } = useAuth();
  const [people, setPeople] = useState<Watchable[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    graph.request(People).then(
      ({ me }) => {
        if (!live || !me) return;
        const others = new Map<string, Watchable>();
        for (const consent of me.consentsReceived ?? []) {
          const entry = others.get(consent.owner.id) ?? {
            id: consent.owner.id,
            name: consent.owner.displayName,
            self: false,
            scopes: new Set<ConsentScope>(),
          };
          entry.scopes.add(consent.scope);
          others.set(entry.id, entry);
        }
        setPeople([
          {
            id: me.id,
            name: `${me.displayName} (you)`,
            self: true,
            scopes: new Set<ConsentScope>(['LIVE_STATE', 'HISTORY', 'JOURNAL']),
          },
          ...others.values(),
        ]);
      },
      (caught: unknown) => live && setError(plainMessage(caught)),
    );
    return () => {
      live = false;
    };
  }, [graph]);
  return { people, error };
}
