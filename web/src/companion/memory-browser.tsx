'use client';

import { useCallback, useEffect, useId, useState } from 'react';
import { Empty, ErrorNote, Loading } from '../components/states';
import type { MyMemoriesQuery } from '../gql/graphql';
import { useAuth } from '../lib/auth/auth-provider';
import { plainMessage } from '../lib/graph/errors';
import { ExportMyMemories, ForgetEverything, ForgetMemory, MyMemories } from '../lib/operations';
import { viaInWords, when } from './memories-used';

type Item = NonNullable<NonNullable<MyMemoriesQuery['me']>['memories']>['items'][number];

const PAGE = 10;
const KIND: Record<string, string> = {
  FACT: 'Fact',
  PREFERENCE: 'Preference',
  EVENT: 'Something that happened',
  PERSON: 'Someone',
  PLACE: 'A place',
};

/** The end of a chosen day, as the companion knew things then. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();

/**
 * What the companion remembers: search it, look at it as it was on a past day, forget one
 * memory or everything, and take a copy (JSON). `version` changes when a conversation may have
 * added memories.
 */
export function MemoryBrowser({ version }: { version: number }) {
  const { graph } = useAuth();
  const [query, setQuery] = useState('');
  const [asOf, setAsOf] = useState('');
  const [applied, setApplied] = useState({ query: '', asOf: '' });
  const [items, setItems] = useState<Item[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const searchId = useId();
  const asOfId = useId();

  /** One page of memories for the search in force (`after`: the page before's `next`). */
  const fetchPage = useCallback(
    async (after: string | null) => {
      const { me } = await graph.request(MyMemories, {
        query: applied.query || null,
        asOf: applied.asOf ? endOfDay(applied.asOf) : null,
        first: PAGE,
        after,
      });
      return { items: me?.memories?.items ?? [], next: me?.memories?.next ?? null, after };
    },
    [graph, applied],
  );
  const show = useCallback((page: { items: Item[]; next: string | null; after: string | null }) => {
    setItems((previous) => [...(page.after ? (previous ?? []) : []), ...page.items]);
    setNext(page.next);
    setError(null);
  }, []);
  const failed = useCallback((caught: unknown) => {
    setError(plainMessage(caught));
    setItems((previous) => previous ?? []);
  }, []);
  const load = (after: string | null) => fetchPage(after).then(show, failed);

  useEffect(() => {
    let current = true;
    fetchPage(null).then(
      (page) => current && show(page),
      (caught: unknown) => current && failed(caught),
    );
    return () => {
      current = false;
    };
  }, [fetchPage, show, failed, version]);

  async function act(what: () => Promise<string>) {
    setWorking(true);
    setNotice(null);
    setError(null);
    try {
      setNotice(await what());
      await load(null);
    } catch (caught) {
      setError(plainMessage(caught));
    } finally {
      setWorking(false);
    }
  }

  const forget = (id: string) =>
    act(async () => {
      await graph.request(ForgetMemory, { id });
      return 'Forgotten for good.';
    });

  const forgetEverything = () =>
    act(async () => {
      const { forgetEverything: count } = await graph.request(ForgetEverything);
      setConfirming(false);
      return `Everything is forgotten (${count} ${count === 1 ? 'thing' : 'things'}).`;
    });

  const download = () =>
    act(async () => {
      const { exportMyMemories } = await graph.request(ExportMyMemories);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([exportMyMemories], { type: 'application/json' }));
      link.download = `mindscape-memories-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return 'Your memories were downloaded as a JSON file.';
    });

  return (
    <section aria-labelledby="memories-title" className="card memories">
      <h2 id="memories-title">What your companion remembers</h2>
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied({ query: query.trim(), asOf });
        }}
      >
        <label htmlFor={searchId}>Search memories</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label htmlFor={asOfId}>As of</label>
        <input id={asOfId} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        <button type="submit">Show</button>
        {(applied.query || applied.asOf) && (
          <button
            type="button"
            className="link"
            onClick={() => {
              setQuery('');
              setAsOf('');
              setApplied({ query: '', asOf: '' });
            }}
          >
            Show everything now
          </button>
        )}
      </form>
      <ErrorNote message={error} />
      {notice && (
        <p role="status" className="ok">
          {notice}
        </p>
      )}
      {items === null ? (
        <Loading what="memories" />
      ) : items.length === 0 ? (
        <Empty>
          {applied.query || applied.asOf
            ? 'Nothing remembered matches.'
            : 'Nothing remembered yet. Tell your companion something about yourself.'}
        </Empty>
      ) : (
        <ul className="memory-list" data-testid="memory-list">
          {items.map(({ memory, via }) =>
            memory ? (
              <li key={memory.id}>
                <p>
                  <q>{memory.text}</q>
                </p>
                <p className="muted">
                  {KIND[memory.kind] ?? memory.kind} ({memory.predicate.replace(/_/g, ' ')}),
                  remembered {when(memory.recordedAt)}
                  {memory.expiredAt && `; replaced ${when(memory.expiredAt)}`}
                  {memory.validTo && `; true until ${when(memory.validTo)}`}
                  {applied.query && via.length > 0 && `; found ${viaInWords(via)}`}
                </p>
                <button
                  type="button"
                  disabled={working}
                  onClick={() => void forget(memory.id)}
                  aria-label={`Forget “${memory.text}”`}
                >
                  Forget
                </button>
              </li>
            ) : null,
          )}
        </ul>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          More memories
        </button>
      )}
      <div className="actions">
        <button type="button" onClick={() => void download()} disabled={working}>
          Download my memories (JSON)
        </button>
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)} disabled={working}>
            Forget everything…
          </button>
        ) : (
          <div role="alertdialog" aria-labelledby="forget-all-title" className="confirm">
            <p id="forget-all-title">
              Forget every memory and conversation? This cannot be undone.
            </p>
            <button type="button" onClick={() => void forgetEverything()} disabled={working}>
              Yes, forget everything
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Keep my memories
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
