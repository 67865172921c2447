'use client';

import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { ScenarioName } from '@mindscape/biosignals';
import { RadioChoices } from '../components/radio-choices';
import { ErrorNote } from '../components/states';
import { useAuth } from '../lib/auth/auth-provider';
import { plainMessage } from '../lib/graph/errors';
import { BeatView } from './beat-view';
import { BreathingGuide } from './breathing-guide';
import { DecisionLog } from './decision-log';
import { HeartUplink, type SourceKind } from './heart-source';
import { LiveLoop, MAX_VOLUME_DB, MIN_VOLUME_DB, type LoopSnapshot } from './live-loop';
import { initialValue, PROGRAMS } from './programs';
import { Readings } from './readings';

declare global {
  interface Window {
    /** The running loop's state, for people who debug and for the end-to-end tests. */
    mindscapeSession?: LoopSnapshot;
  }
}

const SOURCES: Array<{ kind: SourceKind; label: string }> = [
  { kind: 'wearable', label: 'A wearable that is already streaming' },
  { kind: 'simulator', label: 'The built-in heart simulator' },
  { kind: 'bluetooth', label: 'A Bluetooth heart-rate strap' },
];

const idle = () => () => undefined;
const nothing = () => null;

export function LiveSession() {
  const { graph } = useAuth();
  const [programName, setProgramName] = useState('relax');
  const [source, setSource] = useState<SourceKind>('wearable');
  const [scenario, setScenario] = useState<ScenarioName>('slow-breathing');
  const [volumeDb, setVolumeDb] = useState(-18);
  const [loop, setLoop] = useState<LiveLoop | null>(null);
  const [uplink, setUplink] = useState<HeartUplink | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const id = useId();
  const nowPlaying = useRef<HTMLHeadingElement>(null);
  const snap = useSyncExternalStore(loop?.subscribe ?? idle, loop?.snapshot ?? nothing, nothing);
  const choice = PROGRAMS.find((p) => p.name === programName)!;

  useEffect(() => {
    if (snap) window.mindscapeSession = snap;
  }, [snap]);
  // Once the sound starts, what it does and why is what matters: bring it to the top of the
  // screen (on a phone the settings above it filled the screen) and tell screen readers.
  useEffect(() => {
    if (!loop) return;
    nowPlaying.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [loop]);
  // Leaving the page ends the sound and the uplink.
  useEffect(() => () => uplink?.stop(), [uplink]);
  useEffect(
    () => () => {
      void loop?.stop();
    },
    [loop],
  );

  async function start() {
    setBusy(true);
    setError(null);
    setSaved(null);
    let heart: HeartUplink | null = null;
    try {
      // The strap picker must open within the click; the sound starts right after.
      if (source === 'bluetooth') heart = await HeartUplink.bluetooth(graph);
      const started = await LiveLoop.start(graph, choice, volumeDb);
      if (source === 'simulator') heart = await HeartUplink.simulator(graph, scenario);
      setUplink(heart);
      setLoop(started);
    } catch (caught) {
      heart?.stop();
      setError(plainMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  async function stop() {
    if (!loop) return;
    setBusy(true);
    uplink?.stop();
    setUplink(null);
    const result = await loop.stop();
    setLoop(null);
    setBusy(false);
    if (result.saved) setSaved(result.message);
    else setError(result.message);
  }

  const running = loop !== null && snap !== null;
  const volume = (
    <>
      <label htmlFor={`${id}-volume`}>
        Volume{' '}
        <span className="muted">
          ({volumeDb} dB, at most {MAX_VOLUME_DB} dB)
        </span>
      </label>
      <input
        id={`${id}-volume`}
        type="range"
        min={MIN_VOLUME_DB}
        max={MAX_VOLUME_DB}
        step={1}
        value={volumeDb}
        aria-valuetext={`${volumeDb} decibels`}
        onChange={(e) => {
          const value = Number(e.target.value);
          setVolumeDb(value);
          loop?.setVolume(value);
        }}
      />
    </>
  );
  const notes = (
    <>
      <ErrorNote message={error ?? snap?.problem ?? uplink?.lastError ?? null} />
      {saved && (
        <p role="status" className="ok">
          {saved}
        </p>
      )}
    </>
  );
  const settings = (
    <>
      <fieldset disabled={loop !== null || busy}>
        <legend>Program</legend>
        <RadioChoices
          name="program"
          options={PROGRAMS.map((p) => ({ value: p.name, label: p.label, detail: p.summary }))}
          value={programName}
          onChange={setProgramName}
        />
      </fieldset>
      <fieldset disabled={loop !== null || busy}>
        <legend>Heart</legend>
        <RadioChoices<SourceKind>
          name="source"
          options={SOURCES.map((s) => ({ value: s.kind, label: s.label }))}
          value={source}
          onChange={setSource}
        />
        {source === 'simulator' && (
          <label>
            Scenario
            <select value={scenario} onChange={(e) => setScenario(e.target.value as ScenarioName)}>
              <option value="slow-breathing">Stressed, then slow breathing</option>
              <option value="stress">At rest, then stressed</option>
              <option value="rest">At rest</option>
            </select>
          </label>
        )}
      </fieldset>
    </>
  );

  if (running) {
    // While the sound plays: what it does and why first, the settings folded away below.
    return (
      <div className="stack">
        <section aria-labelledby={`${id}-playing`} className="card now-playing">
          <h1 id={`${id}-playing`} ref={nowPlaying} tabIndex={-1}>
            {choice.label} <span className="muted">· playing</span>
          </h1>
          <div className="now-playing-controls">
            <div className="volume">{volume}</div>
            <button type="button" onClick={() => void stop()} disabled={busy}>
              {busy ? 'Saving…' : 'Stop and save'}
            </button>
          </div>
          {notes}
        </section>
        <div className="grid live">
          <Readings reading={snap.reading} />
          {choice.breathVoice && (
            <BreathingGuide
              engine={snap.engine}
              inhaleRatio={initialValue(choice.program, choice.breathVoice, 'inhaleRatio')}
            />
          )}
          <DecisionLog decisions={snap.decisions} />
          <BeatView analyser={loop.analyser} engine={snap.engine} beatVoice={choice.beat.voice} />
        </div>
        <details className="card">
          <summary>Settings for the next session</summary>
          {settings}
        </details>
      </div>
    );
  }

  return (
    <div className="stack">
      <h1>Live session</h1>
      <section aria-labelledby={`${id}-setup`} className="card setup">
        <h2 id={`${id}-setup`}>Set up</h2>
        {settings}
        {volume}
        <div className="actions">
          <button type="button" onClick={() => void start()} disabled={busy} className="primary">
            {busy ? 'Starting…' : 'Start the sound'}
          </button>
        </div>
        <p className="muted">Use headphones: binaural beats need one tone in each ear.</p>
        {notes}
      </section>
    </div>
  );
}
