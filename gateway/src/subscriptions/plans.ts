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
  /**
   * Plans by document (the subscription server hands every client of the same operation text
   * the same validated document) and operation name: planning is the costliest step of
   * joining a stream, and its answer depends on nothing else.
   */
  private readonly planned = new WeakMap<DocumentNode, Map<string, QueryPlan>>();

  constructor(supergraphSdl: string) {
    this.supergraph = Supergraph.build(supergraphSdl);
    this.planner = new QueryPlanner(this.supergraph);
    this.supergraphSchema = this.supergraph.schema.toGraphQLJSSchema();
    this.apiSchema = this.supergraph.apiSchema();
  }

  plan(document: DocumentNode, operationName?: string | null): QueryPlan {
    let plans = this.planned.get(document);
    if (!plans) this.planned.set(document, (plans = new Map()));
    let plan = plans.get(operationName ?? '');
    if (!plan) plans.set(operationName ?? '', (plan = this.build(document, operationName)));
    return plan;
  }

  private build(document: DocumentNode, operationName?: string | null): QueryPlan {
    const operation = operationFromDocument(
      this.supergraph.schema,
      document,
      operationName ? { operationName } : {},
    );
    return this.planner.buildQueryPlan(operation);
  }
}
