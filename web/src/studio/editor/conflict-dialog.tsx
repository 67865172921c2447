'use client';

import { useEffect, useRef } from 'react';
import type { Conflict } from './use-story-editor';

/**
 * An edit the graph refused because a co-author changed the story first: nothing is lost until
 * the author chooses to send it again on top of the current version, or to drop it.
 */
export function ConflictDialog({
  conflict,
  onReapply,
  onDiscard,
}: {
  conflict: Conflict;
  onReapply(): void;
  onDiscard(): void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const now =
    conflict.currentVersion === null ? 'a newer version' : `version ${conflict.currentVersion}`;
  return (
    <div
      className="conflict"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-text"
    >
      <h2 id="conflict-title">Your edit was not applied</h2>
      <p id="conflict-text">
        Your edit ({conflict.edit.label}) was made against version {conflict.sentAgainst}, but a
        co-author changed the story first (it is now at {now}). Your edit is kept here: apply it on
        top of their change, or discard it and see the story as it is now.
      </p>
      {conflict.theirEdits.length > 0 && (
        <>
          <p>Meanwhile:</p>
          <ul className="their-edits">
            {conflict.theirEdits.map((words, i) => (
              <li key={i}>{words}</li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button ref={first} type="button" onClick={onReapply}>
          Re-apply my edit on {now}
        </button>
        <button type="button" onClick={onDiscard}>
          Discard my edit
        </button>
      </div>
    </div>
  );
}
