'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Empty, ErrorNote, Loading } from '../../components/states';
import type { MyStoriesQuery, StoryFormat } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/auth-provider';
import { CodedError, codedProblem, type CodedProblem } from './coded-error';
import { DeleteStoryDialog } from './delete-story-dialog';
import { DeleteStory, ExportStory } from './operations';
import { downloadStory, FORMAT_NAME } from './story-file';

export type AuthoredStory = MyStoriesQuery['myStories'][number];

const EXPORTS: StoryFormat[] = ['TWEE', 'TWINE_HTML'];

/** The stories I author or co-author: open in the editor, test-play, export, delete. */
export function MyStories({
  stories,
  error,
  onChanged,
}: {
  stories: AuthoredStory[] | null;
  error: string | null;
  onChanged: () => void;
}) {
  const { graph } = useAuth();
  const [deleting, setDeleting] = useState<AuthoredStory | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<CodedProblem | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** A delete ended: focus goes to the list once the modal dialog has closed. */
  const returnFocus = useRef(false);
  useEffect(() => {
    if (deleting || !returnFocus.current) return;
    returnFocus.current = false;
    // After the dialog's close, which hands focus back to the Delete button, gone with its story.
    heading.current?.focus();
  }, [deleting]);

  async function exportAs(story: AuthoredStory, format: StoryFormat) {
    setProblem(null);
    setNotice(null);
    try {
      const { exportStory } = await graph.request(ExportStory, { storyId: story.id, format });
      const file = downloadStory(exportStory, story.title, format);
      setNotice(`“${story.title}” was downloaded as ${file} (${FORMAT_NAME[format]}).`);
    } catch (caught) {
      setProblem(codedProblem(`“${story.title}” was not exported`, caught));
    }
  }

  async function remove(story: AuthoredStory) {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      await graph.request(DeleteStory, { storyId: story.id, expectedVersion: story.version });
      setNotice(`“${story.title}” was deleted.`);
    } catch (caught) {
      setProblem(codedProblem(`“${story.title}” was not deleted`, caught));
    } finally {
      setBusy(false);
      // The story's own buttons are gone with it: keyboard focus goes back to the list.
      returnFocus.current = true;
      setDeleting(null);
      // Deleted, or changed by a co-author meanwhile: either way the list is read again.
      onChanged();
    }
  }

  return (
    <section aria-labelledby="mine-title" className="card">
      <h2 id="mine-title" ref={heading} tabIndex={-1}>
        My stories
      </h2>
      <p className="muted">Stories you write or co-author, drafts and published alike.</p>
      <ErrorNote message={error} />
      <p role="status" aria-live="polite" className="ok">
        {notice}
      </p>
      <CodedError problem={problem} />
      {stories === null ? (
        !error && <Loading what="your stories" />
      ) : stories.length === 0 ? (
        <Empty>No stories yet. Start one or import a Twee or Twine file.</Empty>
      ) : (
        <ul className="story-list" data-testid="my-stories">
          {stories.map((story) => (
            <li key={story.id} data-story-id={story.id}>
              <div className="story-head">
                <Link href={`/stories/${story.id}`} className="story-title">
                  {story.title}
                </Link>
                <span className={`story-status ${story.status.toLowerCase()}`}>
                  {story.status === 'PUBLISHED' ? 'Published' : 'Draft'}
                </span>
              </div>
              {story.summary && <p className="muted story-summary">{story.summary}</p>}
              <div className="story-actions">
                <Link href={`/stories/${story.id}/play`}>
                  Test play<span className="visually-hidden"> “{story.title}”</span>
                </Link>
                {EXPORTS.map((format) => (
                  <button key={format} type="button" onClick={() => void exportAs(story, format)}>
                    Export {FORMAT_NAME[format]}
                    <span className="visually-hidden"> of “{story.title}”</span>
                  </button>
                ))}
                <button type="button" className="danger" onClick={() => setDeleting(story)}>
                  Delete…<span className="visually-hidden"> “{story.title}”</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <DeleteStoryDialog
          title={deleting.title}
          busy={busy}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </section>
  );
}
