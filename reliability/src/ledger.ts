/**
 * Counting by sequence number: what the wearables were told was stored against what the
 * database holds, read straight from MongoDB (not through the graph, which could hide a loss).
 */
import { openDatabase } from '@mindscape/platform';
import type { WearableFleet } from './wearables.js';

export interface SampleLedger {
  /** Samples the graph acknowledged. */
  acknowledged: number;
  /** Sample documents in the database for these straps. */
  stored: number;
  /** Acknowledged, but not in the database. */
  lost: number;
  /** Documents beyond the first for one (person, device, time). */
  duplicated: number;
  /** In the database though never acknowledged (applied, then the answer was lost): harmless. */
  storedUnacknowledged: number;
  /** Samples the graph called `accepted` (new) more often than it stored them. */
  acceptedTwice: number;
  /** The first few lost sequence numbers, for the report. */
  lostExamples: string[];
}

export async function sampleLedger(
  mongoUri: string,
  dbName: string,
  fleet: WearableFleet,
): Promise<SampleLedger> {
  const db = await openDatabase(mongoUri, dbName);
  try {
    const ledger: SampleLedger = {
      acknowledged: 0,
      stored: 0,
      lost: 0,
      duplicated: 0,
      storedUnacknowledged: 0,
      acceptedTwice: 0,
      lostExamples: [],
    };
    // One read for every strap: FerretDB scans the collection per query.
    const all = await db
      .collection<{ userId: string; t: Date }>('samples')
      .find(
        { userId: { $in: fleet.wearables.map((w) => w.wearer.userId) } },
        { projection: { userId: 1, t: 1, _id: 0 } },
      )
      .toArray();
    for (const wearable of fleet.wearables) {
      const docs = all.filter((d) => d.userId === wearable.wearer.userId);
      const seen = new Map<number, number>();
      for (const { t } of docs) {
        const seq = Math.round((t.getTime() - wearable.startAt) / 1000);
        seen.set(seq, (seen.get(seq) ?? 0) + 1);
      }
      ledger.acknowledged += wearable.acked.size;
      ledger.stored += docs.length;
      for (const count of seen.values()) ledger.duplicated += count - 1;
      for (const seq of wearable.acked) {
        if (seen.has(seq)) continue;
        ledger.lost++;
        if (ledger.lostExamples.length < 5)
          ledger.lostExamples.push(`${wearable.wearer.userId}#${seq}`);
      }
      for (const seq of seen.keys()) if (!wearable.acked.has(seq)) ledger.storedUnacknowledged++;
      ledger.acceptedTwice += Math.max(0, wearable.counters.accepted - seen.size);
    }
    return ledger;
  } finally {
    await db.close();
  }
}
