import {
  RECORD_BIOMETRICS,
  HEART_PHASES,
  sampleInputs,
  samplesFromBeats,
  simulateHeart,
} from '@mindscape/biosignals';
import type { Client } from 'graphql-ws';
import { graphql } from '../client.js';
import { graphqlWsClient, recordEvents, type EventLog } from '../ws.js';
import type { Leak } from './matrix.js';
import type { GeneratedOperation } from './operations.js';
import type { PlantedPerson } from './private-data.js';
import type { PrivateTokens } from './private-tokens.js';

/** Someone subscribing over the gateway's WebSocket, with what they would connect with. */
export interface StreamActor {
  name: string;
  /** `connectionParams.authorization`, or undefined for anonymous. */
  authorization?: string;
}

/** Where each owner's simulated heart has got to. */
const heartUntil = new WeakMap<PlantedPerson, number>();

/**
 * Things the owner does that every subscription of hers should hear about: heart data from
 * her wearable, a journal entry, an edit to each of her stories. A subscription field that no
 * activity here reaches is reported as unverified, so a new one is noticed.
 */
export async function ownerActivity(gatewayUrl: string, owner: PlantedPerson): Promise<void> {
  // Each round's heart follows the last one's: rounds seconds apart would otherwise repeat
  // the same instants, be stored as duplicates, and leave the live state (and its stream) as
  // it was. The graph takes samples up to 5 minutes ahead of its clock.
  const start = Math.max(Date.now() - 21_000, heartUntil.get(owner) ?? 0);
  heartUntil.set(owner, start + 20_000);
  const beats = simulateHeart([{ ...HEART_PHASES.stress, seconds: 20 }], {
    start,
    seed: Date.now() % 1000,
  });
  await graphql(
    gatewayUrl,
    RECORD_BIOMETRICS,
    { input: { samples: sampleInputs(samplesFromBeats(beats)) } },
    { token: owner.deviceToken },
  );
  await graphql(
    gatewayUrl,
    'mutation($text: String!) { recordEmotion(text: $text) { id } }',
    {
      text: `Relieved and grateful after the walk. ${owner.tokens.secret(`${owner.name}: journal text`)}`,
    },
    { token: owner.account.accessToken },
  );
  for (const conversation of owner.ids.Conversation ?? [])
    await graphql(
      gatewayUrl,
      `
        mutation ($c: ID, $t: String!, $id: ID!) {
          sendCompanionMessage(conversationId: $c, text: $t, clientMessageId: $id) {
            message {
              id
            }
          }
        }
      `,
      {
        c: conversation,
        t: `I want to kill myself tonight. ${owner.tokens.secret(`${owner.name}: crisis message`)}`,
        id: `activity-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      },
      { token: owner.account.accessToken },
    );
  for (const storyId of owner.ids.Story ?? []) {
    const story = await graphql<{
      story: { version: number; scenes: Array<{ id: string }> } | null;
    }>(
      gatewayUrl,
      'query($id: ID!) { story(id: $id) { version scenes { id } } }',
      { id: storyId },
      { token: owner.account.accessToken },
    );
    const scene = story.data?.story?.scenes[0];
    if (!story.data?.story || !scene) continue;
    await graphql(
      gatewayUrl,
      'mutation($s: ID!, $v: Int!, $c: ID!, $p: String) { editScene(storyId: $s, expectedVersion: $v, sceneId: $c, position: $p) { version } }',
      { s: storyId, v: story.data.story.version, c: scene.id, p: `${Date.now() % 997},40` },
      { token: owner.account.accessToken },
    );
  }
}

export interface StreamReport {
  cases: number;
  leaks: Leak[];
  /** Subscription variants the owner's own copy never heard from: nothing can be said about them. */
  unverified: string[];
}

/**
 * Subscribes to every generated subscription as the owner and as each actor, makes the owner
 * act twice, waits until the owner's own copies heard each round (the positive signal), then
 * reads what reached the others: any event with data, or any private value in one, is a leak.
 * `whileSubscribed` runs after everyone subscribed and before the owner acts (a revocation).
 */
export async function runStreamMatrix(
  gatewayUrl: string,
  owner: PlantedPerson,
  operations: GeneratedOperation[],
  actors: StreamActor[],
  tokens: PrivateTokens,
  whileSubscribed: () => Promise<void> = async () => {},
): Promise<StreamReport> {
  const clients: Client[] = [];
  const connect = (authorization?: string) => {
    const client = graphqlWsClient(gatewayUrl, authorization ? { authorization } : {});
    clients.push(client);
    return client;
  };
  const ownerClient = connect(`Bearer ${owner.account.accessToken}`);
  const ownLogs = operations.map((op) => recordEvents(ownerClient, op.query));
  const actorLogs: Array<{ actor: StreamActor; op: GeneratedOperation; log: EventLog<unknown> }> =
    [];
  for (const actor of actors) {
    const client = connect(actor.authorization);
    for (const op of operations) actorLogs.push({ actor, op, log: recordEvents(client, op.query) });
  }
  const report: StreamReport = { cases: actorLogs.length, leaks: [], unverified: [] };
  try {
    // Subscribed once the owner's copies are live: a first round may fall before that.
    await ownerActivity(gatewayUrl, owner);
    await Promise.allSettled(ownLogs.map((log) => log.until(1, 15_000)));
    await whileSubscribed();
    const before = actorLogs.map(({ log }) => log.results.length);
    const heard = ownLogs.map((log) => log.results.length);
    for (let round = 1; round <= 2; round++) {
      await ownerActivity(gatewayUrl, owner);
      await Promise.allSettled(ownLogs.map((log, i) => log.until(heard[i]! + round, 15_000)));
    }
    operations.forEach((op, i) => {
      if (ownLogs[i]!.results.length <= heard[i]!)
        report.unverified.push(`${op.field} [${op.variant.trim()}]`);
    });
    actorLogs.forEach(({ actor, op, log }, i) => {
      const events = log.results.slice(before[i]);
      const withData = events.filter((event) => event.data);
      const text = JSON.stringify(events);
      const found = [...tokens.foundIn(text, op.query), ...owner.tokens.foundIn(text, op.query)];
      if (withData.length > 0 || found.length > 0)
        report.leaks.push({
          field: op.field,
          variant: op.variant,
          actor: actor.name,
          kind: 'read',
          what: [
            `${withData.length} events with data after the owner acted`,
            ...new Set(found.map((f) => f.label)),
          ],
          status: 101,
          query: op.query,
        });
    });
  } finally {
    for (const log of [...ownLogs, ...actorLogs.map((a) => a.log)]) log.stop();
    await Promise.all(clients.map((client) => client.dispose()));
  }
  return report;
}
