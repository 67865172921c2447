/**
 * kill -9 the companion mid-reply: the message, its reply and its memories are stored whole or
 * not at all (read straight from MongoDB and Neo4j), and a retry with the same client id
 * completes the turn, storing nothing twice.
 *
 * The reply comes from a model server of the scenario's own (COMPANION_LLM_URL, the
 * OpenAI-compatible endpoint the companion supports) that streams a first piece and then
 * holds, so "mid-reply" is a moment the scenario chooses, not a race it hopes to win.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@mindscape/platform';
import { graphql, signUp, until, untilHeard, type SignedUp } from '@mindscape/test-kit';
import neo4j from 'neo4j-driver';
import { closeAll, payloadOf, subscribe, type Subscriber } from '../events.js';
import { ScenarioReport, type ScenarioOptions } from '../report.js';
import { ProcessStack } from '../stack.js';

const START = 'mutation { startConversation { id } }';
const SEND = `mutation($c: ID, $t: String!, $id: ID!) {
  sendCompanionMessage(conversationId: $c, text: $t, clientMessageId: $id) {
    message { id } reply { id text } memoriesSaved
  }
}`;
const REPLY = `subscription($c: ID!) { companionReply(conversationId: $c) { messageId index delta done } }`;
const FORGET = 'mutation { forgetEverything(confirm: true) }';
const TEXT = 'I live in Busan. My dog is called Bori. I like walking by the sea.';

type Piece = { messageId: string; index: number; delta: string; done: boolean };
type Moment = 'first piece' | 'last piece';

/** A chat-completions server that streams one piece, then holds while `holding` is set. */
async function startModelServer() {
  let holding = false;
  const held = new Set<ServerResponse>();
  const piece = (text: string) =>
    `data: ${JSON.stringify({ choices: [{ delta: { content: text } }] })}\n\n`;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(piece('That sounds '));
      if (holding) {
        held.add(response);
        response.on('close', () => held.delete(response));
        return;
      }
      response.end(piece('like a good place to be.') + 'data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    hold(on: boolean) {
      holding = on;
    },
    async close() {
      for (const response of held) response.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function companionKill(options: ScenarioOptions): Promise<void> {
  const report = new ScenarioReport('kill -9 the companion mid-reply', options);
  const model = await startModelServer();
  const stack = await ProcessStack.start({
    subgraphs: ['emotions', 'companion'],
    serviceEnv: { COMPANION_LLM_URL: model.url },
  });
  const driver = neo4j.driver(
    stack.engines.neo4j.uri,
    neo4j.auth.basic(stack.engines.neo4j.user, stack.engines.neo4j.password),
  );
  const mongo = await openDatabase(stack.engines.mongoUri, stack.databases.COMPANION_DB);
  const people: SignedUp[] = [];
  const subscribers: Array<Subscriber<Piece>> = [];
  const send = (person: SignedUp, conversationId: string, clientMessageId: string, text = TEXT) =>
    graphql<{
      sendCompanionMessage: {
        message: { id: string };
        reply: { id: string };
        memoriesSaved: string[];
      };
    }>(
      stack.gatewayUrl,
      SEND,
      { c: conversationId, t: text, id: clientMessageId },
      { token: person.accessToken },
    );

  /** What the engines hold for one person's turn. */
  const stored = async (person: SignedUp, clientMessageId: string) => {
    const turn = await mongo
      .collection<{ _id: string; status: string }>('turns')
      .findOne({ ownerId: person.userId, clientMessageId });
    const messages = turn
      ? await mongo.collection('companionmessages').countDocuments({ turnId: turn._id })
      : 0;
    const { records } = await driver.executeQuery(
      `OPTIONAL MATCH (m:Memory {ownerId: $owner}) WITH count(m) AS memories
       OPTIONAL MATCH (t:Turn {ownerId: $owner}) RETURN memories, count(t) AS turns`,
      { owner: person.userId },
    );
    return {
      status: turn?.status ?? 'none',
      messages,
      memories: Number(records[0]!.get('memories')),
      turns: Number(records[0]!.get('turns')),
    };
  };

  try {
    // What one whole turn of TEXT stores, from a person whose companion is never killed.
    const control = await signUp(stack.gatewayUrl, 'Control');
    people.push(control);
    const controlConversation = await startConversation(stack.gatewayUrl, control);
    const controlAnswer = await send(control, controlConversation, 'control-0001');
    if (!controlAnswer.data)
      throw new Error(`control turn failed: ${JSON.stringify(controlAnswer.errors)}`);
    const whole = await stored(control, 'control-0001');
    report.step(`a whole turn stores ${whole.messages} messages and ${whole.memories} memories`);

    const moments: Moment[] = options.short
      ? ['first piece', 'last piece']
      : ['first piece', 'last piece', 'first piece', 'last piece', 'first piece', 'last piece'];
    const outcomes: string[] = [];
    let torn = 0;
    let incomplete = 0;
    let doubled = 0;
    for (const [round, moment] of moments.entries()) {
      const person = await signUp(stack.gatewayUrl, `Kill${round}`);
      people.push(person);
      const conversationId = await startConversation(stack.gatewayUrl, person);
      const listener = subscribe<Piece>(stack.gatewayUrl, person.accessToken, REPLY, {
        c: conversationId,
      });
      subscribers.push(listener);
      // The subscription is live once it hears a reply: a warm-up turn, answered in full.
      model.hold(false);
      // A reply sent before the subscription is live is not heard: warm-up turns until one is.
      let warmUps = 0;
      await untilHeard([listener.log], async () => {
        const warm = await send(
          person,
          conversationId,
          `warm-${round}-${++warmUps}-0001`,
          'Hello.',
        );
        if (!warm.data) throw new Error(`warm-up turn failed: ${JSON.stringify(warm.errors)}`);
      });
      await until('the warm-up reply heard', () => heardDone(listener, 0));
      const before = await stored(person, `warm-${round}-1-0001`);

      const clientId = `kill-${round}-0001`;
      model.hold(moment === 'first piece');
      const heardBefore = listener.log.results.length;
      const inFlight = send(person, conversationId, clientId);
      await until(
        `the reply's ${moment}`,
        () =>
          listener.log.results.slice(heardBefore).some((r) => {
            const piece = payloadOf<Piece>(r, 'companionReply');
            return piece && (moment === 'first piece' ? piece.index === 0 : piece.done);
          }),
        { timeoutMs: 30_000 },
      );
      await stack.kill('companion');
      const cut = await inFlight;
      // The listener leaves while the companion is down: the gateway closes an upstream that
      // is reconnecting, which must not take the gateway with it.
      listener.log.stop();
      await listener.client.dispose();
      await stack.quiesce();

      const afterKill = await stored(person, clientId);
      const added = afterKill.memories - before.memories;
      const state =
        afterKill.messages === 0 && added === 0
          ? 'nothing stored'
          : afterKill.messages === 2 && added === whole.memories
            ? `whole (turn ${afterKill.status})`
            : afterKill.messages === 0 && added === whole.memories
              ? 'memories whole, messages not yet'
              : `TORN: ${afterKill.messages} messages, ${added} memories`;
      if (state.startsWith('TORN')) torn++;

      await stack.startService('companion');
      model.hold(false);
      const retried = await until(
        'the retry with the same client id answers',
        async () => {
          // Should the gateway die of the listener's leaving (seconds later, as it did before
          // 804fbbd), it is started again so the turn can still be checked; the crash fails.
          if (!stack.isRunning('gateway')) {
            report.step('the gateway died after the listener left; starting it again');
            await stack.startService('gateway');
          }
          return (await send(person, conversationId, clientId)).data?.sendCompanionMessage;
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      const afterRetry = await stored(person, clientId);
      const again = await send(person, conversationId, clientId);
      const afterSecond = await stored(person, clientId);
      const completed =
        afterRetry.status === 'complete' &&
        afterRetry.messages === 2 &&
        afterRetry.memories - before.memories === whole.memories &&
        afterRetry.turns === before.turns + 1;
      if (!completed) incomplete++;
      const same =
        again.data?.sendCompanionMessage.reply.id === retried.reply.id &&
        afterSecond.messages === afterRetry.messages &&
        afterSecond.memories === afterRetry.memories &&
        afterSecond.turns === afterRetry.turns;
      if (!same) doubled++;
      outcomes.push(
        `kill at the ${moment}: ${state}; the client was told ${cut.errors?.[0]?.extensions?.code ?? 'nothing'}; ` +
          `retry: ${afterRetry.status}, ${afterRetry.messages} messages, ${afterRetry.memories - before.memories} memories` +
          `${same ? ', a second retry changed nothing' : ', A SECOND RETRY CHANGED THINGS'}`,
      );
      report.step(outcomes.at(-1)!);
    }
    report.figure('whole turn (control)', `${whole.messages} messages, ${whole.memories} memories`);
    report.figure('kills', moments.length);
    report.figure('turns stored torn after a kill', torn);
    report.figure('turns a retry did not complete', incomplete);
    report.figure('retries that stored something twice', doubled);
    outcomes.forEach((o, i) => report.figure(`round ${i + 1}`, o));
    report.check(torn === 0, `${torn} turns were stored torn`);
    report.check(incomplete === 0, `${incomplete} retries did not complete their turn`);
    report.check(doubled === 0, `${doubled} retries stored something twice`);
  } finally {
    model.hold(false);
    await closeAll(subscribers);
    // Memories live in the shared Neo4j: each person forgets everything through the graph.
    for (const person of people)
      await graphql(stack.gatewayUrl, FORGET, {}, { token: person.accessToken }).catch(
        () => undefined,
      );
    await driver.close();
    await mongo.close();
    await stack.close();
    await model.close();
  }
  report.checkNoCrashes(stack.crashes);
  report.finish();
}

async function startConversation(gatewayUrl: string, person: SignedUp): Promise<string> {
  const answer = await graphql<{ startConversation: { id: string } }>(
    gatewayUrl,
    START,
    {},
    {
      token: person.accessToken,
    },
  );
  const id = answer.data?.startConversation.id;
  if (!id) throw new Error(`startConversation failed: ${JSON.stringify(answer.errors)}`);
  return id;
}

const heardDone = (listener: Subscriber<Piece>, from: number) =>
  listener.log.results.slice(from).some((r) => payloadOf<Piece>(r, 'companionReply')?.done);
