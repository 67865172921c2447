'use client';

import { useEffect, useState } from 'react';
import type { EditorHistoryQuery } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/auth-provider';
import { plainMessage } from '../../lib/graph/errors';
import { EditorHistory } from './operations';

/**
 * Published versions (each can be restored, as one undoable step) and the recent edits. Read
 * again whenever the story's version moves.
 */
export function HistoryPanel({
  storyId,
  version,
  onRestore,
}: {
  storyId: string;
  version: number;
  onRestore(number: number): void;
}) {
  const { graph } = useAuth();
  const [history, setHistory] = useState<EditorHistoryQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    graph.request(EditorHistory, { id: storyId }).then(
      (answer) => current && (setHistory(answer), setError(null)),
      (failure: unknown) => current && setError(plainMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [graph, storyId, version]);

  return (
    <section className="history-panel card" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      {error && <p className="error">{error}</p>}
      {!history ? (
        <p className="muted">Loading versions…</p>
      ) : history.storyVersions.length === 0 ? (
        <p className="muted">Not published yet.</p>
      ) : (
        <ol className="versions" data-testid="versions">
          {history.storyVersions.map((v) => (
            <li key={v.number}>
              Version {v.number}: {v.sceneCount} scenes,{' '}
              <time dateTime={v.publishedAt}>{new Date(v.publishedAt).toLocaleString()}</time>{' '}
              <button type="button" onClick={() => onRestore(v.number)}>
                Restore version {v.number}
              </button>
            </li>
          ))}
        </ol>
      )}
      {history && history.storyHistory.length > 0 && (
        <details>
          <summary>Recent edits ({history.storyHistory.length})</summary>
          <ol className="edits">
            {history.storyHistory.slice(0, 30).map((step) => (
              <li key={step.seq} className={step.undone ? 'muted' : undefined}>
                {step.kind.toLowerCase().replaceAll('_', ' ')}
                {step.undone ? ' (undone)' : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
