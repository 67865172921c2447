import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readableLine } from './terminal.js';

const pino = (fields: Record<string, unknown>) =>
  JSON.stringify({ time: 1, service: 'gateway', name: 'gateway', ...fields });

test('a request line reads as one sentence', () => {
  assert.equal(
    readableLine(
      'gateway',
      pino({
        level: 20,
        method: 'POST',
        path: '/graphql',
        status: 200,
        ms: 3.2,
        msg: 'POST /graphql 200 3.2 ms',
      }),
    ),
    '[gateway] POST /graphql 200 3.2 ms',
  );
});

test('info lines keep their URL; warnings and errors say so, errors with their stack', () => {
  assert.equal(
    readableLine(
      'users',
      pino({ level: 30, url: 'http://127.0.0.1:4001/graphql', msg: 'users subgraph listening' }),
    ),
    '[users] users subgraph listening — http://127.0.0.1:4001/graphql',
  );
  assert.equal(readableLine('users', pino({ level: 40, msg: 'slow' })), '[users] warning: slow');
  assert.equal(
    readableLine(
      'emotions',
      pino({
        level: 50,
        msg: 'state update failed',
        err: { message: 'boom', stack: 'Error: boom\n    at x' },
      }),
    ),
    '[emotions] error: state update failed — boom\n    at x',
  );
});

test("a child's own prefixes fold into the stack's", () => {
  assert.equal(
    readableLine('web', '[web] the production build is current'),
    '[web] the production build is current',
  );
  assert.equal(readableLine('web', '[next] ✓ Ready in 412ms'), '[web] ✓ Ready in 412ms');
  assert.equal(readableLine('web', '{not json'), '[web] {not json');
  assert.equal(readableLine('web', '[next] '), undefined, 'a blank line is not shown');
  assert.equal(readableLine('web', '   '), undefined);
});
