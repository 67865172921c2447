import { isDuplicateKey } from '@mindscape/platform';
import type { EmotionsModels, SampleDoc, WindowSample } from '../models/index.js';
import type { StoredWindow } from './live-memory.js';
import type { WindowUpdate } from './state-writes.js';

/** Beyond the analysis window, a margin for samples that arrive a little out of order. */
const MARGIN_MS = 15_000;
const ATTEMPTS = 8;

/**
 * Adds samples to the window and drops what is too old. A sample the window already holds
 * (same device and instant) keeps its first values, as the stored sample does: a replayed
 * batch with other values never rewrites the live state.
 */
export function mergeWindow(
  current: WindowSample[],
  added: WindowSample[],
  windowMs: number,
): WindowSample[] {
  const byKey = new Map<string, WindowSample>();
  for (const s of [...current, ...added]) {
    const key = `${s.deviceId}|${new Date(s.t).getTime()}`;
    if (!byKey.has(key)) byKey.set(key, { ...s, t: new Date(s.t) });
  }
  const merged = [...byKey.values()].sort((a, b) => a.t.getTime() - b.t.getTime());
  const newest = merged.at(-1)?.t.getTime() ?? 0;
  return merged.filter((s) => s.t.getTime() > newest - windowMs - MARGIN_MS);
}

/**
 * Writes accepted samples to the person's window document and answers what it holds now.
 * Optimistic concurrency (a version number) keeps two instances of the subgraph from
 * overwriting each other's additions; `known` (what this instance last read or wrote) saves
 * the read when nobody else wrote since.
 */
export async function appendToWindow(
  models: EmotionsModels,
  userId: string,
  added: WindowSample[],
  windowMs: number,
  known: StoredWindow | null | undefined,
  /** Writes the document over its version; false when someone else moved it meanwhile. */
  update: (window: WindowUpdate) => Promise<boolean>,
): Promise<StoredWindow> {
  let current = known;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (current === undefined) current = await readWindow(models, userId);
    const merged = mergeWindow(current?.samples ?? [], added, windowMs);
    if (!current) {
      try {
        await models.recentWindows.create({ _id: userId, version: 1, samples: merged });
        return { version: 1, samples: merged };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        current = undefined;
        continue;
      }
    }
    if (await update({ userId, version: current.version, samples: merged }))
      return { version: current.version + 1, samples: merged };
    current = undefined;
  }
  throw new Error(`the recent window of ${userId} stayed busy after ${ATTEMPTS} attempts`);
}

export async function readWindow(
  models: EmotionsModels,
  userId: string,
): Promise<StoredWindow | null> {
  const doc = await models.recentWindows.findById(userId).lean().exec();
  return doc ? { version: doc.version, samples: doc.samples } : null;
}

/** A sample as the window keeps it (who and when it was received are the stored sample's). */
export function windowSample({ userId: _u, receivedAt: _r, ...rest }: SampleDoc): WindowSample {
  return rest;
}
