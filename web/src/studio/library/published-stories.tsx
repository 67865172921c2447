'use client';

import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { Empty, ErrorNote, Loading } from '../../components/states';
import type { PublishedStoriesQuery, StoryWhere } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/auth-provider';
import { plainMessage } from '../../lib/graph/errors';
import { PublishedStories as PublishedStoriesQueryDoc } from './operations';

type PublishedStory = PublishedStoriesQuery['stories'][number];

/** One page of titles; the search narrows it (the graph reads at most 100 stories a request). */
const PAGE = 50;

/** Published stories anyone may read, by title, with a title search; each opens the player. */
export function PublishedStories({ mine }: { mine: ReadonlySet<string> }) {
  const { graph } = useAuth();
  const [query, setQuery] = useState('');
  const [applied, setApplied] = useState('');
  const [stories, setStories] = useState<PublishedStory[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchId = useId();

  useEffect(() => {
    let current = true;
    const where: StoryWhere = {
      status: { eq: 'PUBLISHED' },
      ...(applied ? { title: { contains: applied } } : {}),
    };
    graph.request(PublishedStoriesQueryDoc, { where, limit: PAGE }).then(
      ({ stories: found }) => {
        if (!current) return;
        setStories(found);
        setError(null);
      },
      (caught: unknown) => {
        if (!current) return;
        setStories([]);
        setError(plainMessage(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [graph, applied]);

  return (
    <section aria-labelledby="read-title" className="card">
      <h2 id="read-title">Stories to read</h2>
      <form
        className="toolbar"
        role="search"
        aria-label="Published stories"
        onSubmit={(event) => {
          event.preventDefault();
          if (query.trim() === applied) return;
          setStories(null);
          setApplied(query.trim());
        }}
      >
        <label htmlFor={searchId}>Find by title</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit">Find</button>
      </form>
      <ErrorNote message={error} />
      {stories === null ? (
        <Loading what="published stories" />
      ) : stories.length === 0 ? (
        !error && (
          <Empty>
            {applied
              ? `No published story has “${applied}” in its title.`
              : 'Nothing published yet.'}
          </Empty>
        )
      ) : (
        <ul className="story-list" data-testid="published-stories">
          {stories.map((story) => (
            <li key={story.id} data-story-id={story.id}>
              <div className="story-head">
                <Link href={`/stories/${story.id}/play`} className="story-title">
                  {story.title}
                </Link>
                {mine.has(story.id) && <span className="story-status">Yours</span>}
              </div>
              {story.summary && <p className="muted story-summary">{story.summary}</p>}
            </li>
          ))}
        </ul>
      )}
      {stories?.length === PAGE && (
        <p className="muted">Showing the first {PAGE} by title: search to find others.</p>
      )}
    </section>
  );
}
