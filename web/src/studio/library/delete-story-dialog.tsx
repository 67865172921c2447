'use client';

import { useEffect, useId, useRef } from 'react';

/**
 * A modal confirmation (the platform's <dialog>: focus moves in, Escape cancels, focus returns)
 * before a story and its scenes, history and versions are deleted for good.
 */
export function DeleteStoryDialog({
  title,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const textId = useId();
  useEffect(() => {
    const shown = dialog.current;
    if (shown && !shown.open) shown.showModal();
    return () => shown?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={headingId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={headingId}>Delete “{title}”?</h2>
      <p id={textId}>
        Its scenes, its edit history and every published version are deleted for good. Readers can
        no longer open it. This cannot be undone.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Keep it
        </button>
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete for good'}
        </button>
      </div>
    </dialog>
  );
}
