'use client';

import Link from 'next/link';
import { useId, useRef, useState } from 'react';
import { useAuth } from '../../lib/auth/auth-provider';
import { CodedError, codedProblem, type CodedProblem } from './coded-error';
import { ImportStory } from './operations';
import { detectStoryFormat, FORMAT_NAME, MAX_IMPORT_BYTES } from './story-file';

/**
 * Import a Twee 3 or Twine 2 HTML file, dropped on the zone or picked: the format is read from
 * the content; the graph imports all or nothing and says which field it refused and why.
 */
export function ImportStoryFile({ onImported }: { onImported: () => void }) {
  const { graph } = useAuth();
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<CodedProblem | null>(null);
  const [imported, setImported] = useState<{ id: string; title: string; from: string } | null>(
    null,
  );
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();

  async function importFile(file: File) {
    setProblem(null);
    setImported(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem({
        title: `“${file.name}” was not imported`,
        message: 'The file is too large.',
        code: 'BAD_USER_INPUT',
        field: 'source',
        allowed: `at most ${(MAX_IMPORT_BYTES / 1_000_000).toFixed(1)} MB`,
      });
      return;
    }
    setBusy(file.name);
    try {
      const source = await file.text();
      const format = detectStoryFormat(source);
      const { importStory } = await graph.request(ImportStory, { format, source });
      setImported({ ...importStory, from: `${file.name} (${FORMAT_NAME[format]})` });
      onImported();
    } catch (caught) {
      setProblem(codedProblem(`“${file.name}” was not imported`, caught));
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <section aria-labelledby="import-title" className="card">
      <h2 id="import-title">Import a story</h2>
      <div
        className={`story-drop${dragging ? ' dragging' : ''}`}
        data-testid="story-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer.files[0];
          if (file) void importFile(file);
        }}
      >
        <p id={hintId}>
          Drop a Twee 3 (<code>.twee</code>) or Twine 2 (<code>.html</code>) file here, or choose
          one. The format is read from the file.
        </p>
        <label htmlFor={inputId} className="file-pick">
          Choose a story file
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".twee,.tw,.txt,.html,.htm,text/plain,text/html"
          aria-describedby={hintId}
          disabled={busy !== null}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
          }}
        />
      </div>
      <p role="status" aria-live="polite" className={imported ? 'ok' : 'muted'}>
        {busy ? `Importing “${busy}”…` : ''}
        {imported && (
          <>
            Imported “{imported.title}” from {imported.from}.{' '}
            <Link href={`/stories/${imported.id}`}>Open it in the editor</Link>
          </>
        )}
      </p>
      <CodedError problem={problem} />
    </section>
  );
}
