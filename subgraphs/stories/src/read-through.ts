import {
  astFromValue,
  Kind,
  type ArgumentNode,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { StoriesContext } from './context.js';

/**
 * Answers a field of our own resolvers with one of the queries @neo4j/graphql generated
 * (`story`, `scenes`), so the client's whole selection under it — nested relationships,
 * fragments — is read in one Cypher statement under the schema's authorization rules.
 * @neo4j/graphql reads the selection from the field node, so it is handed the calling
 * field's node renamed to the generated query, with the arguments given here.
 */
export function readThrough(
  schema: () => GraphQLSchema,
  query: 'story' | 'scenes',
  args: Record<string, unknown>,
  ctx: StoriesContext,
  info: GraphQLResolveInfo,
): unknown {
  const queryType = schema().getQueryType()!;
  const field = queryType.getFields()[query]!;
  const argumentNodes: ArgumentNode[] = Object.entries(args).map(([name, value]) => {
    const type = field.args.find((arg) => arg.name === name)!.type;
    return {
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: name },
      value: astFromValue(value, type)!,
    };
  });
  const fieldNode: FieldNode = {
    ...info.fieldNodes[0]!,
    alias: undefined,
    name: { kind: Kind.NAME, value: query },
    arguments: argumentNodes,
  };
  return (field.resolve as GraphQLFieldResolver<unknown, StoriesContext>)(undefined, args, ctx, {
    ...info,
    fieldName: query,
    fieldNodes: [fieldNode],
    parentType: queryType,
    returnType: field.type,
  });
}
