import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import type { GatewayConfig } from './config.js';

/**
 * Limits on what one operation may ask, on by default for HTTP and WebSocket alike:
 * depth, aliases, tokens, directives and estimated cost (graphql-armor), and root fields
 * (below, graphql-armor has no such rule). In production field suggestions are hidden too,
 * since they spell out the schema that introspection no longer shows.
 */
export function queryLimits(config: GatewayConfig) {
  const production = process.env.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH },
    maxAliases: { n: config.MAX_ALIASES },
    // graphql-js enforces the token limit while parsing (parseOptions below); armor's own
    // token plugin re-parses and turns a syntax error into a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    costLimit: { maxCost: config.MAX_COST },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    ...armor,
    parseOptions: { maxTokens: config.MAX_TOKENS },
    validationRules: [...armor.validationRules, maxRootFields(config.MAX_ROOT_FIELDS)],
  };
}

/** At most `limit` fields at the root of an operation (fragments spread there count too). */
export function maxRootFields(limit: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const count = (set: SelectionSetNode): number =>
        set.selections.reduce((sum, selection) => {
          if (selection.kind === Kind.FIELD) return sum + 1;
          if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
          const fragment = context.getFragment(selection.name.value);
          return sum + (fragment ? count(fragment.selectionSet) : 0);
        }, 0);
      const fields = count(operation.selectionSet);
      if (fields > limit) {
        context.reportError(
          new GraphQLError(
            `Syntax Error: Query root fields limit of ${limit} exceeded, found ${fields}.`,
            { nodes: [operation] },
          ),
        );
      }
    },
  });
}
