import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEngineUnavailable } from '../src/index.js';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });
const coded = (code: string) => Object.assign(new Error('neo4j'), { code });

test('database outages and transient refusals are told apart from bugs', () => {
  for (const error of [
    named('MongoServerSelectionError', 'connect ECONNREFUSED 127.0.0.1:27017'),
    named('MongoNetworkError'),
    named('MongooseServerSelectionError'),
    new Error('(SQLITE_BUSY) database is locked'),
    new Error('Operation `samples.insertMany()` buffering timed out after 10000ms'),
    coded('ServiceUnavailable'),
    coded('SessionExpired'),
    coded('Neo.TransientError.Transaction.DeadlockDetected'),
    named('MongoBulkWriteError', 'connection 4 to 127.0.0.1:27017 closed'),
    named('PoolClearedOnNetworkError'),
    Object.assign(new Error('write failed'), { cause: named('MongoNetworkError') }),
  ])
    assert.equal(isEngineUnavailable(error), true, `${error.name}: ${error.message}`);
  for (const error of [
    new TypeError("Cannot read properties of undefined (reading 'x')"),
    coded('Neo.ClientError.Statement.SyntaxError'),
    named('MongoServerError', 'E11000 duplicate key'),
    'a string',
    undefined,
  ])
    assert.equal(isEngineUnavailable(error), false, String(error));
});
