/**
 * The web app's auth route against the real gateway (issue 13, finding 8): sign-ins are
 * throttled per browser address (the route forwards the address its socket saw, never one a
 * client wrote), a throttled sign-in is 429 with Retry-After in plain words, and every answer
 * is Cache-Control: no-store. Browsers are played by requests from different loopback
 * addresses (127.0.0.2, 127.0.0.3: Linux routes all of 127/8 to lo).
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { freePort } from '@mindscape/devkit';
import { signUp, startTestStack, type TestStack } from '@mindscape/test-kit';
import { startWebServer, type WebServer } from './web-server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    accessToken?: string;
    error?: { code: string; message: string; retryAfterSeconds?: number };
  };
}

let stack: TestStack;
let web: WebServer;

/** A POST to the auth route from `from` (a loopback address), as a same-origin browser page. */
function auth(
  action: string,
  body: unknown,
  from: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const url = new URL(`/api/auth/${action}`, web.url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          origin: url.origin,
          ...headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: JSON.parse(text || '{}') as Answer['body'],
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}

describe('the web auth route', () => {
  before(async () => {
    const port = await freePort();
    stack = await startTestStack({
      throttle: { perAccount: 3, perIp: 8 },
      // As `npm start` runs it: the gateway believes X-Forwarded-For from loopback (the web app).
      gateway: { TRUST_PROXY: 'loopback', WEB_ORIGINS: `http://127.0.0.1:${port}` },
    });
    web = await startWebServer(stack.gatewayUrl, port);
  });
  after(async () => {
    await web?.close();
    await stack?.close();
  });

  test('a browser guessing a password is throttled; the owner at another address signs in', async () => {
    const ana = await signUp(stack.gatewayUrl);
    for (let i = 0; i < 3; i++) {
      // Each guess claims another address: the web app must not believe it.
      const guess = await auth(
        'sign-in',
        { email: ana.email, password: `wrong-${i}` },
        '127.0.0.2',
        {
          'x-forwarded-for': `198.51.100.${50 + i}`,
        },
      );
      assert.equal(guess.status, 401, JSON.stringify(guess.body));
      assert.equal(guess.headers['cache-control'], 'no-store');
    }
    const blocked = await auth(
      'sign-in',
      { email: ana.email, password: ana.password },
      '127.0.0.2',
      {
        'x-forwarded-for': '198.51.100.99',
      },
    );
    assert.equal(blocked.status, 429, JSON.stringify(blocked.body));
    assert.equal(blocked.body.error?.code, 'TOO_MANY_REQUESTS');
    const retryAfter = Number(blocked.headers['retry-after']);
    assert.ok(retryAfter >= 1, `Retry-After ${blocked.headers['retry-after']}`);
    assert.equal(blocked.body.error?.retryAfterSeconds, retryAfter);
    assert.match(
      blocked.body.error!.message,
      /^Too many attempts .* please wait \d+ (second|minute)/,
    );
    assert.equal(blocked.headers['cache-control'], 'no-store');

    const owner = await auth('sign-in', { email: ana.email, password: ana.password }, '127.0.0.3');
    assert.equal(owner.status, 200, JSON.stringify(owner.body));
    assert.ok(owner.body.accessToken);
  });

  test('every answer, token-bearing or refused, is Cache-Control: no-store', async () => {
    const from = '127.0.0.4';
    const email = `route.${Date.now()}@example.com`;
    const password = 'lavender-morning-42';
    const answers: Array<[string, Answer]> = [];
    const signedUp = await auth('sign-up', { email, password, displayName: 'Noa' }, from);
    answers.push(['sign-up', signedUp]);
    assert.equal(signedUp.status, 200, JSON.stringify(signedUp.body));
    const cookie = String(signedUp.headers['set-cookie']?.[0]).split(';')[0]!;
    assert.match(cookie, /^mindscape_refresh=/);
    const refreshed = await auth('refresh', {}, from, { cookie });
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    answers.push(['refresh', refreshed]);
    answers.push(['sign-in', await auth('sign-in', { email, password }, from)]);
    answers.push(['refresh without a cookie', await auth('refresh', {}, from)]);
    answers.push(['bad input', await auth('sign-in', { email }, from)]);
    answers.push(['unknown action', await auth('nothing', {}, from)]);
    answers.push([
      'cross-site',
      await auth('sign-in', { email, password }, from, { origin: 'https://evil.example' }),
    ]);
    answers.push([
      'sign-out',
      await auth('sign-out', {}, from, { authorization: `Bearer ${signedUp.body.accessToken}` }),
    ]);
    assert.deepEqual(
      answers.map(([what, answer]) => [what, answer.status]),
      [
        ['sign-up', 200],
        ['refresh', 200],
        ['sign-in', 200],
        ['refresh without a cookie', 401],
        ['bad input', 400],
        ['unknown action', 404],
        ['cross-site', 403],
        ['sign-out', 200],
      ],
    );
    for (const [what, answer] of answers)
      assert.equal(answer.headers['cache-control'], 'no-store', what);
  });
});
