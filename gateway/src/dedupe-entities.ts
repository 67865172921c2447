import type { GraphQLFormattedError } from 'graphql';

type Answer = {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<GraphQLFormattedError>;
};

/**
 * @apollo/gateway sends one representation per occurrence of an entity: a dashboard listing
 * the same person three times (once per consent scope) asks the subgraph to resolve them three
 * times. This sends each distinct representation once and fans the answers (and the errors,
 * by their `_entities` index) back out to every occurrence, so the gateway merges as before.
 */
export async function withDistinctRepresentations(
  variables: Record<string, unknown> | undefined,
  send: (variables: Record<string, unknown> | undefined) => Promise<Answer>,
): Promise<Answer> {
  const representations = variables?.representations;
  if (!Array.isArray(representations) || representations.length < 2) return send(variables);
  const indexOf = new Map<string, number>();
  const distinct: unknown[] = [];
  const slot = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = distinct.push(representation) - 1;
      indexOf.set(key, index);
    }
    return index;
  });
  if (distinct.length === representations.length) return send(variables);

  const answer = await send({ ...variables, representations: distinct });
  const entities = answer.data?._entities;
  const occurrences = new Map<number, number[]>();
  for (const [original, index] of slot.entries())
    occurrences.set(index, [...(occurrences.get(index) ?? []), original]);
  return {
    ...answer,
    ...(Array.isArray(entities)
      ? { data: { ...answer.data, _entities: slot.map((index) => entities[index] ?? null) } }
      : {}),
    ...(answer.errors
      ? {
          errors: answer.errors.flatMap((error) => {
            const [head, index, ...rest] = error.path ?? [];
            if (head !== '_entities' || typeof index !== 'number') return [error];
            return (occurrences.get(index) ?? [index]).map((original) => ({
              ...error,
              path: ['_entities', original, ...rest],
            }));
          }),
        }
      : {}),
  };
}
