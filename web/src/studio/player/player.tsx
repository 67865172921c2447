'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorNote, Loading } from '../../components/states';
import type { PlayerStoryQuery } from '../../gql/graphql';
import { useAuth } from '../../lib/auth/auth-provider';
import { plainMessage } from '../../lib/graph/errors';
import { useReducedMotion } from '../../lib/use-reduced-motion';
import { PlayerStory } from './operations';
import { sceneProse } from './scene-prose';
import { usePlaythrough, type LiveReading, type Playthrough } from './use-playthrough';
import './player.css';

type StoryInfo = NonNullable<PlayerStoryQuery['story']> & { authored: boolean };

/**
 * Reads a story: the scene as prose, the choices open to the reader right now (they open and
 * close as the reader's live state changes), the recommended one marked, endings as endings.
 * An author plays the working copy in test mode, with the story's variables shown.
 */
export function StoryPlayer({ storyId }: { storyId: string }) {
  const { graph } = useAuth();
  const [story, setStory] = useState<StoryInfo | null | undefined>(undefined);
  const [storyError, setStoryError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    graph.request(PlayerStory, { storyId }).then(
      ({ story: found, myStories }) => {
        if (!active) return;
        setStory(found && { ...found, authored: myStories.some((s) => s.id === storyId) });
      },
      (caught: unknown) => active && setStoryError(plainMessage(caught)),
    );
    return () => {
      active = false;
    };
  }, [graph, storyId]);

  const reading = usePlaythrough(storyId, story !== undefined && story !== null);

  if (storyError) return <ErrorNote message={storyError} />;
  if (story === undefined) return <Loading what="the story" />;
  if (story === null)
    return (
      <section className="card narrow">
        <h1>Story not found</h1>
        <p>This story is not published, or it is not yours to read.</p>
        <Link href="/stories">Back to the stories</Link>
      </section>
    );
  return <PlayerView story={story} {...reading} />;
}

function PlayerView({
  story,
  playthrough,
  error,
  busy,
  announcement,
  live,
  liveError,
  choose,
  startOver,
}: { story: StoryInfo } & ReturnType<typeof usePlaythrough>) {
  const heading = useRef<HTMLHeadingElement>(null);
  const reduced = useReducedMotion();
  const sceneId = playthrough?.currentScene?.id;
  const moved = useRef(false);

  // A new scene: the reader's focus goes to its heading, as a new page's would.
  useEffect(() => {
    if (!sceneId || !moved.current) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
  }, [sceneId, reduced]);

  const take = (choiceId: string) => {
    moved.current = true;
    void choose(choiceId);
  };

  return (
    <div className="stack player">
      <header className="player-head">
        <p className="muted">
          <Link href="/stories">Stories</Link> ›
        </p>
        <h1>{story.title}</h1>
        {story.authored && (
          <p className="test-mode" data-testid="test-mode">
            Test mode: you author this story, so you are playing its working copy
            {story.status === 'DRAFT' ? ' (a draft readers cannot see yet)' : ''}.
          </p>
        )}
      </header>
      {/* Choices opening and closing, and scene changes, read out without moving focus. */}
      <p className="visually-hidden" aria-live="polite" role="status" data-testid="announcer">
        {announcement}
      </p>
      <ErrorNote message={error} />
      {!playthrough ? (
        !error && <Loading what="your place in the story" />
      ) : (
        <div className="player-layout">
          <Scene playthrough={playthrough} heading={heading} busy={busy} onChoose={take} />
          <aside className="player-side" aria-label="Your reading">
            <LiveNote live={live} error={liveError} />
            {story.authored && <Variables playthrough={playthrough} live={live} />}
            <details>
              <summary>Your path ({playthrough.history.length})</summary>
              <ol className="player-path">
                {playthrough.history.map((step, index) => (
                  <li key={`${step.sceneId}-${index}`}>{step.sceneName}</li>
                ))}
              </ol>
            </details>
            <button type="button" onClick={() => void startOver()} disabled={busy}>
              Start over
            </button>
          </aside>
        </div>
      )}
    </div>
  );
}

function Scene({
  playthrough,
  heading,
  busy,
  onChoose,
}: {
  playthrough: Playthrough;
  heading: React.RefObject<HTMLHeadingElement | null>;
  busy: boolean;
  onChoose: (choiceId: string) => void;
}) {
  const scene = playthrough.currentScene;
  const variables = useMemo(
    () => new Map(playthrough.variables.map((v) => [v.name, v.value])),
    [playthrough.variables],
  );
  const prose = useMemo(() => sceneProse(scene?.text ?? '', variables), [scene?.text, variables]);
  const ended = Boolean(scene?.isEnding || playthrough.finished);
  return (
    <article className="card scene" aria-labelledby="scene-title" data-scene={scene?.name}>
      <h2 id="scene-title" ref={heading} tabIndex={-1}>
        {scene?.name ?? 'A missing scene'}
      </h2>
      <div className="scene-text" data-testid="scene-text">
        {prose.length === 0 && !scene && (
          <p className="muted">
            This scene is no longer in the story. Start over to read it again.
          </p>
        )}
        {prose.map((paragraph, index) => (
          <p key={index}>
            {paragraph.map((run, at) =>
              run.link ? (
                <em key={at} className="in-text-choice">
                  {run.text}
                </em>
              ) : (
                <span key={at}>{run.text}</span>
              ),
            )}
          </p>
        ))}
      </div>
      {ended ? (
        <section className="ending" aria-label="The end" data-testid="ending">
          <p className="ending-mark">The end</p>
          <p className="muted">You reached one of this story’s endings.</p>
        </section>
      ) : (
        <nav aria-label="Choices" className="choices">
          {playthrough.availableChoices.length === 0 ? (
            <p className="muted" data-testid="no-choices">
              Nothing to choose right now. Some ways on open only in a certain state of mind and
              body: they appear here when they do.
            </p>
          ) : (
            <ul data-testid="choices">
              {playthrough.availableChoices.map((choice) => {
                const recommended = choice.id === playthrough.recommendedChoiceId;
                return (
                  <li key={choice.id} className={recommended ? 'recommended' : undefined}>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => onChoose(choice.id)}
                      data-choice-id={choice.id}
                    >
                      {choice.text || 'Continue'}
                      {recommended && (
                        <span className="recommended-mark"> · recommended for you now</span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </nav>
      )}
    </article>
  );
}

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;

function LiveNote({ live, error }: { live: LiveReading | null; error: string | null }) {
  if (error)
    return (
      <p className="muted" role="status">
        Live changes paused: {error}
      </p>
    );
  return (
    <p className="muted" data-testid="live-note">
      {live
        ? `Following your body: heart ${live.heartRate === null || live.heartRate === undefined ? '—' : Math.round(live.heartRate)} bpm, stress ${percent(live.stress)}.`
        : 'Choices that depend on how you feel open when your wearable sends a reading.'}
    </p>
  );
}

function Variables({ playthrough, live }: { playthrough: Playthrough; live: LiveReading | null }) {
  return (
    <section aria-labelledby="variables-title" className="variables" data-testid="variables">
      <h3 id="variables-title">Variables (test mode)</h3>
      <table>
        <caption className="visually-hidden">Story variables and the live state rules read</caption>
        <tbody>
          {playthrough.variables.map((variable) => (
            <tr key={variable.name}>
              <th scope="row">{variable.name}</th>
              <td>{variable.value}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">stress (live)</th>
            <td>{live?.stress ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">label (live)</th>
            <td>{live?.label ?? '—'}</td>
          </tr>
        </tbody>
      </table>
      {playthrough.variables.length === 0 && (
        <p className="muted">No story variable is set yet; choices’ effects set them.</p>
      )}
    </section>
  );
}
