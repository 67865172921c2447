import { Supergraph, operationFromDocument, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';

/**
 * The supergraph as the subscription executor needs it: a query planner plus the two schemas
 * executeQueryPlan takes. Rebuilt whenever the gateway loads a new supergraph.
 */
export class SupergraphPlans {
  readonly supergraphSchema: GraphQLSchema;
  readonly apiSchema: Schema;
  private readonly planner: QueryPlanner;
  private readonly supergraph: Supergraph;

  constructor(supergraphSdl: string) {
    this.supergraph = Supergraph.build(supergraphSdl);
    this.planner = new QueryPlanner(this.supergraph);
    this.supergraphSchema = this.supergraph.schema.toGraphQLJSSchema();
    this.apiSchema = this.supergraph.apiSchema();
  }

  plan(document: DocumentNode, operationName?: string | null): QueryPlan {
    const operation = operationFromDocument(
      this.supergraph.schema,
      document,
      operationName ? { operationName } : {},
    );
    return this.planner.buildQueryPlan(operation);
  }
}
