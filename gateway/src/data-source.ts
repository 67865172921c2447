import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  ErrorCode,
  codedError,
  IDENTITY_HEADER,
  REQUEST_ID_HEADER,
  REVOCATIONS_EXTENSION,
  signAssertion,
  type RequestAssertion,
} from '@mindscape/platform';
import { GraphQLError } from 'graphql';
import type { Histogram } from 'prom-client';
import { answerFromSubgraph, clientExtensions } from './client-errors.js';
import { withDistinctRepresentations } from './dedupe-entities.js';
import { InflightReads, type WriteEpoch } from './inflight.js';
import {
  SameTurnBatches,
  errorsAttributable,
  mergeOperations,
  mergeVariables,
  splitAnswer,
  type Queued,
} from './merged-fetches.js';
import { subgraphFetcher } from './subgraph-http.js';
import {
  SubgraphPolicies,
  isRead,
  isUnavailable,
  unavailableAnswer,
  type ResilienceOptions,
} from './resilience.js';

/** GraphQLDataSourceRequestKind.INCOMING_OPERATION; the enum is not exported by the package. */
const INCOMING_OPERATION = 'incoming operation' as GraphQLDataSourceProcessOptions['kind'];

type IncomingFetch = GraphQLDataSourceProcessOptions<GatewayContext>;
type Answer = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Per-request state the gateway builds once and hands to every subgraph fetch. */
export interface GatewayContext {
  assertion: RequestAssertion;
}

/**
 * Sends each subgraph request with the gateway's signed assertion of who is calling, and
 * nothing the client sent besides the operation: client headers are never forwarded.
 */
export interface SubgraphSourceOptions extends ResilienceOptions {
  name: string;
  url: string;
  /** Signs each fetch's identity assertion; without it (an anonymous gateway) none is sent. */
  secret?: string;
  latency: Histogram<'subgraph'>;
  /** Longest wait for one subgraph answer. */
  timeoutMs: number;
  /**
   * Hears the revocations an answer carries in its extensions (the users subgraph's only),
   * applied before the answer goes on to the client.
   */
  onRevocations?: (revocations: unknown) => void;
  /** Writes seen complete: each write this source carries advances it (inflight.ts). */
  writes: WriteEpoch;
  /**
   * Send the reads one request's plan sends this subgraph side by side as one request
   * (merged-fetches.ts). @default false
   */
  mergeReads?: boolean;
}

export class AssertingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly subgraphName: string;
  readonly policies: SubgraphPolicies;
  private readonly inflight: InflightReads<Answer>;
  /** Reads waiting for the rest of their stage, per request context; unset: each alone. */
  private readonly reads: SameTurnBatches<object, IncomingFetch, Answer> | undefined;
  private readonly writes: WriteEpoch;
  private readonly secret: string | undefined;
  private readonly latency: Histogram<'subgraph'>;
  private readonly onRevocations: ((revocations: unknown) => void) | undefined;

  constructor(options: SubgraphSourceOptions) {
    super({
      url: options.url,
      // Kept-alive node:http with a deadline: a hung subgraph must not hold a client forever.
      fetcher: subgraphFetcher({ timeoutMs: options.timeoutMs }),
    });
    this.subgraphName = options.name;
    this.secret = options.secret;
    this.latency = options.latency;
    this.onRevocations = options.onRevocations;
    this.writes = options.writes;
    this.inflight = new InflightReads(
      (answer) => ({
        ...answer,
        data: structuredClone(answer.data),
        ...(answer.errors ? { errors: structuredClone(answer.errors) } : {}),
      }),
      options.writes,
    );
    this.policies = new SubgraphPolicies(options);
    this.reads = options.mergeReads
      ? new SameTurnBatches((fetches) => this.sendTogether(fetches))
      : undefined;
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!request.http) return;
    // Composition-time introspection has no request context; it carries an empty assertion.
    const assertion = 'assertion' in context && context.assertion ? context.assertion : {};
    // One assertion per fetch (retries included): bound to this subgraph and this operation,
    // and accepted once, so a copy of it opens nothing else.
    if (this.secret !== undefined) {
      const signed = await signAssertion(assertion, this.secret, {
        service: this.subgraphName,
        operation: { query: request.query ?? '', variables: request.variables },
      });
      request.http.headers.set(IDENTITY_HEADER, signed);
    }
    if (assertion.requestId) request.http.headers.set(REQUEST_ID_HEADER, assertion.requestId);
  }

  /**
   * A subgraph's 4xx with GraphQL errors (e.g. a variable it could not coerce) is passed on
   * with its own message and code (and the other extensions clients may see,
   * client-errors.ts); anything else becomes a plain SERVICE_UNAVAILABLE, so the subgraph's
   * internal URL and raw body never reach a client.
   */
  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0],
  ) {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body;
    const first = (
      body as
        { errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> } | undefined
    )?.errors?.[0];
    if (
      response.status < 500 &&
      typeof first?.message === 'string' &&
      typeof first.extensions?.code === 'string'
    ) {
      return new GraphQLError(first.message, { extensions: clientExtensions(first.extensions) });
    }
    return codedError(
      response.status === 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.SERVICE_UNAVAILABLE,
      `The ${this.subgraphName} service could not answer (${response.status}).`,
    );
  }

  /** Who asks what, for merging identical reads; undefined for anything but a read. */
  private readKey(
    query: string,
    variables: Record<string, unknown> | undefined,
    context: GatewayContext | Record<string, unknown>,
  ): string | undefined {
    if (!isRead(query)) return undefined;
    const identity = (context as GatewayContext).assertion?.identity;
    return JSON.stringify([identity?.userId, identity?.via, identity?.deviceId, query, variables]);
  }

  /** Applies and removes the revocations an answer carries (none reach the client). */
  private hearRevocations<T extends { extensions?: Record<string, unknown> }>(answer: T): T {
    const revocations = answer.extensions?.[REVOCATIONS_EXTENSION];
    if (revocations === undefined) return answer;
    const { [REVOCATIONS_EXTENSION]: _, ...rest } = answer.extensions!;
    this.onRevocations?.(revocations);
    return { ...answer, extensions: rest };
  }

  /**
   * Client operations go through the subgraph's circuit (and retries for reads). When the
   * subgraph cannot answer, the gateway still answers: the other subgraphs' data, and errors
   * with the paths this subgraph's fields would have had.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const end = this.latency.startTimer({ subgraph: this.subgraphName });
    try {
      if (options.kind !== INCOMING_OPERATION) return await super.process(options);
      const { query = '', variables } = options.request;
      try {
        return await withDistinctRepresentations(variables, (distinct) => {
          const own = { ...options, request: { ...options.request, variables: distinct } };
          // A fetch that asks for a trace (request.http) keeps its own request and header.
          return this.reads && !options.request.http && isRead(query)
            ? this.reads.join(options.context, own)
            : this.fetch(own);
        });
      } catch (error) {
        if (!isUnavailable(error)) throw error;
        return unavailableAnswer(query, variables, this.subgraphName);
      }
    } finally {
      end();
    }
  }

  /** One request to the subgraph, shared with identical reads, through the circuit. */
  private async fetch(options: IncomingFetch): Promise<Answer> {
    const { query = '', variables } = options.request;
    const readKey = this.readKey(query, variables, options.context);
    try {
      const answer = await this.inflight.run(readKey, () =>
        this.policies.run(query, () => super.process(options)),
      );
      // The subgraph's errors keep only what clients may see (client-errors.ts).
      return answerFromSubgraph(this.hearRevocations(answer));
    } finally {
      // A write, answered or failed: reads from now on start afresh.
      if (readKey === undefined) this.writes.advance();
    }
  }

  /**
   * The reads one request's plan sent to this subgraph in the same turn (one stage), as one
   * request (merged-fetches.ts): one assertion signed for the merged operation, one deadline,
   * one pass through the circuit and its retries, one hearing of revocations. An answer that
   * lost its data as a whole (a non-null root field failed) or a refusal sends each read on
   * its own, so that one read's failure never takes another's data; an unavailable subgraph
   * fails each read as its own request would have.
   */
  private sendTogether(fetches: ReadonlyArray<Queued<IncomingFetch, Answer>>): void {
    const alone = (each: ReadonlyArray<Queued<IncomingFetch, Answer>>) => {
      for (const { item, resolve, reject } of each) this.fetch(item).then(resolve, reject);
    };
    const operation =
      fetches.length > 1
        ? mergeOperations(fetches.map(({ item }) => item.request.query ?? ''))
        : undefined;
    if (!operation) return alone(fetches);
    const request = {
      query: operation.query,
      operationName: operation.operationName,
      variables: mergeVariables(
        fetches.map(({ item }) => ({
          query: item.request.query ?? '',
          variables: item.request.variables,
        })),
      ),
    };
    const together: IncomingFetch = { ...fetches[0]!.item, request };
    // The first read's parsed operation is not the merged one (nothing here reads it).
    if ('document' in together) delete together.document;
    this.fetch(together).then(
      (answer) => {
        if (!answer.data || !errorsAttributable(answer)) return alone(fetches);
        const parts = splitAnswer(operation, { ...answer, data: answer.data });
        for (const [index, { resolve }] of fetches.entries()) resolve(parts[index]!);
      },
      // Whatever failed (a deadline, a 5xx, a refusal), each read goes again on its own, so one
      // slow or failing read never costs the others their data, as unmerged. With the circuit
      // open they fail at once, each as it would alone.
      () => alone(fetches),
    );
  }
}
