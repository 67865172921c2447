/** Subscribers through the gateway, and what their logs say about gaps and duplicates. */
import { ErrorCode } from '@mindscape/platform';
import { graphqlWsClient, recordEvents, type EventLog } from '@mindscape/test-kit';
import type { Client } from 'graphql-ws';

export type Result = EventLog<unknown>['results'][number];

export const isGap = (result: Result) =>
  (result.errors ?? []).some((e) => e.extensions?.code === ErrorCode.EVENTS_MAY_HAVE_BEEN_MISSED);

/** The payload of `field` in a result, when it carries one. */
export const payloadOf = <T>(result: Result, field: string): T | undefined =>
  (result.data as Record<string, T> | null | undefined)?.[field] ?? undefined;

export interface Subscriber<T> {
  client: Client;
  log: EventLog<{ [field: string]: T }>;
}

export function subscribe<T>(
  gatewayUrl: string,
  accessToken: string,
  query: string,
  variables: Record<string, unknown> = {},
): Subscriber<T> {
  const client = graphqlWsClient(gatewayUrl, { authorization: `Bearer ${accessToken}` });
  return { client, log: recordEvents<{ [field: string]: T }>(client, query, variables) };
}

export async function closeAll(subscribers: ReadonlyArray<Subscriber<unknown>>): Promise<void> {
  await Promise.all(
    subscribers.map(async (s) => {
      s.log.stop();
      await s.client.dispose();
    }),
  );
}

/** After index `from`: the gap notice's position, and whether an event with data followed it. */
export function gapThenData(results: readonly Result[], from: number, field: string) {
  const after = results.slice(from);
  const gap = after.findIndex(isGap);
  return {
    announced: gap >= 0,
    resumed: gap >= 0 && after.slice(gap + 1).some((r) => payloadOf(r, field) !== undefined),
  };
}

/** Results that were neither data nor a gap notice (errors a subscriber should not see). */
export const unexpectedErrors = (results: readonly Result[]) =>
  results.filter((r) => (r.errors?.length ?? 0) > 0 && !isGap(r));
