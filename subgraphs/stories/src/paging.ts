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
 * @neo4j/graphql hands `limit`, `offset` and `first` to Cypher as they come, and Neo4j fails a
 * negative one: an internal error. Every root field first checks these arguments anywhere in
 * its selection (fragments included, each once) and refuses a negative one as BAD_USER_INPUT
 * naming it as `field.argument`.
 */
export function refuseNegativePaging(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (source, args, context, info) => {
        checkPaging(info);
        return resolve(source, args, context, info);
      };
    }
  }
}

function checkPaging(info: GraphQLResolveInfo): void {
  const visited = new Set<string>();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) {
          const name = argument.name.value;
          if (!PAGING.has(name)) continue;
          const value = valueFromASTUntyped(argument.value, info.variableValues);
          if (typeof value === 'number' && value < 0)
            throw badUserInput(
              `${selection.name.value}.${name}`,
              `\`${name}\` of \`${selection.name.value}\` is 0 or more (it was ${value}).`,
              '≥ 0',
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
