import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { operationNotAllowed } from '@mindscape/platform';

/**
 * The operations a deployment accepts, from a persisted-query manifest (the format Apollo's
 * and GraphQL Codegen's client tooling write: `{ operations: [{ id, body }] }`, ids being the
 * SHA-256 of the body). Operations are matched by the hash of their text, so a client may send
 * the full text or, through automatic persisted queries, only the hash.
 */
export class OperationAllowList {
  private readonly hashes: Set<string>;

  constructor(manifest: unknown) {
    const operations = (manifest as { operations?: unknown }).operations;
    if (!Array.isArray(operations)) throw new Error('the manifest has no "operations" list');
    this.hashes = new Set(
      operations.map((operation: { body?: unknown }, i) => {
        if (typeof operation.body !== 'string')
          throw new Error(`operation ${i} of the manifest has no "body"`);
        return sha256(operation.body);
      }),
    );
  }

  static fromFile(path: string): OperationAllowList {
    try {
      return new OperationAllowList(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new Error(`OPERATION_ALLOW_LIST ${path}: ${(error as Error).message}`);
    }
  }

  get size(): number {
    return this.hashes.size;
  }

  /** NOT_ALLOWED unless the operation text is in the list. */
  check(source: string): void {
    if (!this.hashes.has(sha256(source))) {
      throw operationNotAllowed();
    }
  }

  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => ({
        // Apollo Server answers an error from this hook with its status; from earlier ones, 500.
        didResolveOperation: async ({ source }) => this.check(source),
      }),
    };
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
