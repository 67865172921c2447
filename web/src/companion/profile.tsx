'use client';

import { useEffect, useId, useState } from 'react';
import { RadioChoices } from '../components/radio-choices';
import { ErrorNote, Loading } from '../components/states';
import type { CompanionProfileQuery as ProfileAnswer } from '../gql/graphql';
import { useAuth } from '../lib/auth/auth-provider';
import { plainMessage } from '../lib/graph/errors';
import {
  CompanionProfileQuery,
  ResetCompanionProfile,
  SetCompanionProfile,
} from '../lib/operations';

type Profile = NonNullable<NonNullable<ProfileAnswer['me']>['companionProfile']>;
type Style = 'warm' | 'calm' | 'direct' | 'playful';

const STYLES: ReadonlyArray<{ value: Style; label: string; detail: string }> = [
  { value: 'warm', label: 'Warm', detail: 'gentle and encouraging' },
  { value: 'calm', label: 'Calm', detail: 'quiet and steady' },
  { value: 'direct', label: 'Direct', detail: 'brief and to the point' },
  { value: 'playful', label: 'Playful', detail: 'light, with a smile' },
];
const isStyle = (value: string): value is Style => STYLES.some((s) => s.value === value);

/** The companion's name and way of speaking; warmth adapts by itself and can be reset. */
export function CompanionProfileEditor() {
  const { graph } = useAuth();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [name, setName] = useState('');
  const [style, setStyle] = useState<Style>('warm');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const nameId = useId();

  const show = (next: Profile) => {
    setProfile(next);
    setName(next.name);
    if (isStyle(next.style)) setStyle(next.style);
  };

  useEffect(() => {
    graph.request(CompanionProfileQuery).then(
      ({ me }) => me?.companionProfile && show(me.companionProfile),
      (caught: unknown) => setError(plainMessage(caught)),
    );
  }, [graph]);

  async function run(what: Promise<Profile>, message: string) {
    setError(null);
    setSaved(null);
    try {
      show(await what);
      setSaved(message);
    } catch (caught) {
      setError(plainMessage(caught));
    }
  }

  return (
    <section aria-labelledby="profile-title" className="card">
      <h2 id="profile-title">Your companion</h2>
      <ErrorNote message={error} />
      {!profile && !error ? (
        <Loading what="the companion's profile" />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              graph
                .request(SetCompanionProfile, { name: name.trim() || null, style })
                .then((answer) => answer.setCompanionProfile),
              'Saved.',
            );
          }}
        >
          <label htmlFor={nameId}>Name</label>
          <input
            id={nameId}
            value={name}
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
          />
          <fieldset>
            <legend>How it speaks</legend>
            <RadioChoices<Style>
              name="companion-style"
              options={STYLES}
              value={style}
              onChange={setStyle}
            />
          </fieldset>
          {profile && (
            <p className="muted">
              Warmth {Math.round(profile.warmth * 100)}% (it follows what you respond to), after{' '}
              {profile.turns} {profile.turns === 1 ? 'exchange' : 'exchanges'}.
            </p>
          )}
          <div className="actions">
            <button type="submit">Save</button>
            <button
              type="button"
              onClick={() =>
                void run(
                  graph.request(ResetCompanionProfile).then((a) => a.resetCompanionProfile),
                  'Back to how it started.',
                )
              }
            >
              Reset
            </button>
          </div>
          {saved && (
            <p role="status" className="ok">
              {saved}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
