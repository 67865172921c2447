import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { codedError, ErrorCode } from './errors.js';

// RFC 3339 date-time with an explicit offset: a wearable's local time without a zone would be
// stored hours off.
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && rfc3339.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw codedError(
    ErrorCode.BAD_USER_INPUT,
    `DateTime must be an RFC 3339 string with a time zone, like 2026-01-31T08:00:00Z; got ${JSON.stringify(value)?.slice(0, 40)}.`,
  );
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, as an RFC 3339 string with a time zone (2026-01-31T08:00:00.000Z).',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date.');
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw parseDateTime(undefined);
    return parseDateTime(ast.value);
  },
});
