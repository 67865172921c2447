import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  codedError,
  ErrorCode,
  operationResolutionFailure,
  validationFailed,
  withErrorCode,
} from '@mindscape/platform';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { GatewayConfig } from './config.js';
import { NegativePagingArgument, operationCost } from './cost.js';

type LimitSettings = Pick<
  GatewayConfig,
  | 'MAX_DEPTH'
  | 'MAX_ALIASES'
  | 'MAX_TOKENS'
  | 'MAX_COST'
  | 'COST_LIST_SIZE'
  | 'MAX_ROOT_FIELDS'
  | 'GRAPHQL_INTROSPECTION'
>;

/**
 * Limits on what one operation may ask, on by default for HTTP and WebSocket alike:
 * depth, aliases, tokens and directives (graphql-armor), root fields (below, graphql-armor has
 * no such rule), and the estimated cost with list sizes (cost.ts, checked once the variables
 * are known). Unless introspection is on, field suggestions are hidden too, since they spell
 * out the schema that introspection no longer shows.
 */
export function queryLimits(config: LimitSettings) {
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH },
    maxAliases: { n: config.MAX_ALIASES },
    // graphql-js enforces the token limit while parsing (parseOptions below); armor's own
    // token plugin re-parses and turns a syntax error into a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    // Armor's cost ignores list sizes; checkOperation prices them.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !config.GRAPHQL_INTROSPECTION },
  }).protect();

  /**
   * Throws a coded error (HTTP 400) when `operationName` resolves to no operation, a paging
   * argument is negative, or the estimated cost is over MAX_COST. Run after validation.
   */
  const checkOperation = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | undefined,
  ): OperationDefinitionNode => {
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      throw operationResolutionFailure(
        operationName
          ? `Unknown operation named "${operationName}".`
          : 'This document has several operations: name the one to run in operationName.',
      );
    }
    let cost;
    try {
      cost = operationCost(schema, document, operation, variables, {
        defaultListSize: config.COST_LIST_SIZE,
      });
    } catch (error) {
      if (!(error instanceof NegativePagingArgument)) throw error;
      throw codedError(
        ErrorCode.BAD_USER_INPUT,
        error.message,
        { field: `${error.field}.${error.argument}`, allowed: '0 or more' },
        400,
      );
    }
    if (cost > config.MAX_COST) {
      throw validationFailed(
        `Query cost limit of ${config.MAX_COST} exceeded: estimated ${cost}. Lists count as ` +
          `their first/limit argument, or ${config.COST_LIST_SIZE} items without one; ask for fewer items or fields.`,
      );
    }
    return operation;
  };

  const plugin: ApolloServerPlugin = {
    requestDidStart: async () => ({
      // Apollo Server answers an error thrown here with the status it carries.
      didResolveOperation: async ({ schema, document, request }) => {
        checkOperation(schema, document, request.operationName, request.variables);
      },
    }),
  };

  /**
   * Validation errors as HTTP answers them (armor's suggestion mask is an Apollo plugin, so
   * other transports call this): coded GRAPHQL_VALIDATION_FAILED, suggestions hidden unless
   * introspection is on.
   */
  const validationErrors = (errors: readonly GraphQLError[]): GraphQLError[] =>
    errors.map((error) => {
      if (!config.GRAPHQL_INTROSPECTION)
        error.message = error.message.replace(SUGGESTION, ' [Suggestion hidden]');
      return withErrorCode(error, ErrorCode.GRAPHQL_VALIDATION_FAILED);
    });

  return {
    plugins: [...armor.plugins, plugin],
    parseOptions: { maxTokens: config.MAX_TOKENS },
    validationRules: [...armor.validationRules, maxRootFields(config.MAX_ROOT_FIELDS)],
    checkOperation,
    validationErrors,
  };
}

/** graphql-js's "did you mean" hint, as graphql-armor matches it. */
const SUGGESTION = / ?Did you mean .+\?/g;

/**
 * At most `limit` fields at the root of an operation (fragments spread there count too). Each
 * fragment is counted once and a fragment cycle counts nothing (NoFragmentCyclesRule reports
 * it), so no document can make the count recurse without end or take exponential time.
 */
export function maxRootFields(limit: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const counted = new Map<string, number>();
      const counting = new Set<string>();
      const count = (set: SelectionSetNode): number =>
        set.selections.reduce((sum, selection) => {
          if (selection.kind === Kind.FIELD) return sum + 1;
          if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
          const name = selection.name.value;
          if (counting.has(name)) return sum;
          if (!counted.has(name)) {
            const fragment = context.getFragment(name);
            counting.add(name);
            counted.set(name, fragment ? count(fragment.selectionSet) : 0);
            counting.delete(name);
          }
          return sum + counted.get(name)!;
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
