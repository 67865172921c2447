import { badUserInput } from '@mindscape/platform';
import {
  Kind,
  valueFromASTUntyped,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';

/** The list arguments @neo4j/graphql generates (and ours mirror). */
const PAGING = new Set(['limit', 'offset', 'first']);

/**
 * Fields the authorization rules filter by, which requests may not: a filter on a field the
 * reader may not read would tell its value all the same (which stories someone wrote).
 */
const PRIVATE_FILTERS = new Set(['authorIds']);

/**
 * Checks every root field's arguments, anywhere in its selection (fragments included, each
 * once), before @neo4j/graphql turns them into Cypher:
 * - a negative `limit`, `offset` or `first` is BAD_USER_INPUT naming `field.argument` (Neo4j
 *   would fail it: an internal error);
 * - a `where` that names a private field is BAD_USER_INPUT naming `field.where`.
 */
export function guardArguments(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (source, args, context, info) => {
        checkArguments(info);
        return resolve(source, args, context, info);
      };
    }
  }
}

function checkArguments(info: GraphQLResolveInfo): void {
  const visited = new Set<string>();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        const field = selection.name.value;
        for (const argument of selection.arguments ?? []) {
          const name = argument.name.value;
          const value = valueFromASTUntyped(argument.value, info.variableValues);
          if (PAGING.has(name) && typeof value === 'number' && value < 0)
            throw badUserInput(
              `${field}.${name}`,
              `\`${name}\` of \`${field}\` is 0 or more (it was ${value}).`,
              '≥ 0',
            );
          const named = name === 'where' ? privateFieldIn(value) : undefined;
          if (named)
            throw badUserInput(
              `${field}.where`,
              `\`${field}\` cannot be filtered by \`${named}\`.`,
              `filters on fields other than ${[...PRIVATE_FILTERS].join(', ')}`,
            );
        }
        if (selection.selectionSet) visit(selection.selectionSet.selections);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet.selections);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(info.fieldNodes);
}

/** The first private field a filter names, at any depth (AND, OR, NOT, relationships). */
function privateFieldIn(filter: unknown): string | undefined {
  if (Array.isArray(filter)) {
    for (const item of filter) {
      const found = privateFieldIn(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof filter !== 'object' || filter === null) return undefined;
  for (const [key, value] of Object.entries(filter)) {
    const field = key.replace(/_(EQ|IN|INCLUDES|CONTAINS|STARTS_WITH|ENDS_WITH)$/, '');
    if (PRIVATE_FILTERS.has(field)) return field;
    const found = privateFieldIn(value);
    if (found) return found;
  }
  return undefined;
}
