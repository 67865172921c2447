'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { useAuth } from '../../lib/auth/auth-provider';
import { CodedError, codedProblem, type CodedProblem } from './coded-error';
import { CreateStory } from './operations';

/** Starts an empty draft: a title (and a summary), then the editor. */
export function NewStory({ onCreated }: { onCreated: () => void }) {
  const { graph } = useAuth();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  const [problem, setProblem] = useState<CodedProblem | null>(null);
  const titleId = useId();
  const summaryId = useId();

  async function create() {
    setBusy(true);
    setProblem(null);
    setCreated(null);
    try {
      const { createStory } = await graph.request(CreateStory, {
        title: title.trim(),
        summary: summary.trim() || null,
      });
      setCreated(createStory);
      setTitle('');
      setSummary('');
      onCreated();
    } catch (caught) {
      setProblem(codedProblem('The story was not created', caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-story-title" className="card">
      <h2 id="new-story-title">Start a new story</h2>
      <form
        className="new-story"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor={summaryId}>Summary (optional)</label>
        <textarea
          id={summaryId}
          rows={2}
          maxLength={5000}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
        <button type="submit" disabled={busy || !title.trim()}>
          {busy ? 'Creating…' : 'Create story'}
        </button>
      </form>
      <p role="status" aria-live="polite" className="ok">
        {created && (
          <>
            Created “{created.title}”.{' '}
            <Link href={`/stories/${created.id}`}>Open it in the editor</Link>
          </>
        )}
      </p>
      <CodedError problem={problem} />
    </section>
  );
}
