'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAuth } from '../../lib/auth/auth-provider';
import { plainMessage } from '../../lib/graph/errors';
import { ImportStoryFile } from './import-story';
import { MyStories, type AuthoredStory } from './my-stories';
import { NewStory } from './new-story';
import { MyStories as MyStoriesQueryDoc } from './operations';
import { PublishedStories } from './published-stories';
import './library.css';

/** The story library: what I write (start, import, export, delete) and what I may read. */
export function StoryLibrary() {
  const { graph } = useAuth();
  const [mine, setMine] = useState<AuthoredStory[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let current = true;
    graph.request(MyStoriesQueryDoc).then(
      ({ myStories }) => {
        if (!current) return;
        setMine(myStories);
        setError(null);
      },
      (caught: unknown) => current && setError(plainMessage(caught)),
    );
    return () => {
      current = false;
    };
  }, [graph, version]);

  const mineIds = useMemo(() => new Set((mine ?? []).map((story) => story.id)), [mine]);

  return (
    <div className="stack library">
      <h1>Stories</h1>
      <div className="grid">
        <NewStory onCreated={reload} />
        <ImportStoryFile onImported={reload} />
      </div>
      <MyStories stories={mine} error={error} onChanged={reload} />
      <PublishedStories mine={mineIds} />
    </div>
  );
}
