import {
  IDENTITY_HEADER,
  signAssertion,
  type OperationBody,
  type RequestAssertion,
} from '@mindscape/platform';

/**
 * What the gateway would send a subgraph for one operation: tests and benchmarks that call a
 * subgraph directly sign one per request (or per subscription connection), as it does.
 */
export async function gatewayAssertion(
  secret: string,
  service: string,
  operation: OperationBody,
  assertion: RequestAssertion = {},
): Promise<Record<string, string>> {
  return { [IDENTITY_HEADER]: await signAssertion(assertion, secret, { service, operation }) };
}

export const asPerson = (userId: string): RequestAssertion => ({
  identity: { userId, via: 'session' },
});
