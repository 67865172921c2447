import { randomUUID } from 'node:crypto';
import {
  RECORD_BIOMETRICS,
  HEART_PHASES,
  sampleInputs,
  samplesFromBeats,
  simulateHeart,
} from '@mindscape/biosignals';
import { isEnumType, type GraphQLSchema } from 'graphql';
import { graphql, signUp, type GraphQLResponse, type SignedUp } from '../client.js';
import { PrivateTokens } from './private-tokens.js';

/** A person with private data of every kind the graph holds, each recognisable in an answer. */
export interface PlantedPerson {
  name: string;
  account: SignedUp;
  /** A wearable of theirs, and its token. */
  deviceToken: string;
  /** Their objects by type name, what generated operations aim at. */
  ids: Record<string, string[]>;
  /** Everything of theirs that no one else may see. */
  tokens: PrivateTokens;
  /** A coach who held their consent and no longer does. */
  formerCoach: SignedUp;
}

/** Ask, and fail with the graph's own words when the answer has no data. */
async function must<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string,
  what: string,
): Promise<T> {
  const response: GraphQLResponse<T> = await graphql<T>(url, query, variables, { token });
  if (!response.data || response.errors?.length)
    throw new Error(`Planting ${what} failed: ${JSON.stringify(response.errors ?? response)}`);
  return response.data;
}

const twee = (title: string, start: string, next: string) => `:: StoryTitle
${title}

:: StoryData
{"start": "Start"}

:: Start
${start}
[[Go on->Next]]

:: Next [ending]
${next}
`;

/**
 * Signs `name` up through the gateway and gives them one of everything: an email and device
 * name with secret markers, a wearable's heart data (so a live state), a check-in, a journal
 * entry, a listening session, a draft story, a published story with an unpublished edit, a
 * playthrough, and consents granted to a coach and then revoked. Secret markers, and the ids
 * of the private objects, go into `tokens`; the published story's words are public markers.
 */
export async function plantPrivateData(
  gatewayUrl: string,
  name: string,
  /** The graph's schema: what it offers (consent scopes, the companion) decides what is planted. */
  schema?: GraphQLSchema,
): Promise<PlantedPerson> {
  const tokens = new PrivateTokens();
  const who = name.toLowerCase();
  const emailMarker = tokens.secret(`${name}: email`);
  const password = 'lavender-morning-42';
  const email = `${who}.${emailMarker}@example.com`;
  const signed = await must<{
    signUp: { accessToken: string; refreshToken: string; user: { id: string } };
  }>(
    gatewayUrl,
    `mutation($email: String!, $password: String!, $displayName: String!) {
      signUp(email: $email, password: $password, displayName: $displayName) {
        accessToken refreshToken user { id } } }`,
    { email, password, displayName: `${name} ${PrivateTokens.publicMarker()}` },
    '',
    `${name}'s account`,
  );
  const account: SignedUp = {
    email,
    password,
    accessToken: signed.signUp.accessToken,
    refreshToken: signed.signUp.refreshToken,
    userId: signed.signUp.user.id,
  };
  const token = account.accessToken;
  const ask = <T>(query: string, variables: Record<string, unknown>, what: string, as = token) =>
    must<T>(gatewayUrl, query, variables, as, `${name}'s ${what}`);
  const ids: Record<string, string[]> = { User: [account.userId] };
  tokens.markPublic(account.userId);
  const own = (type: string, id: string, label?: string) => {
    (ids[type] ??= []).push(id);
    if (label) tokens.add(id, `${name}: ${label}`);
  };

  const device = await ask<{ registerDevice: { device: { id: string }; token: string } }>(
    'mutation($name: String!) { registerDevice(kind: WEARABLE, name: $name) { device { id } token } }',
    { name: tokens.secret(`${name}: device name`) },
    'device',
  );
  own('Device', device.registerDevice.device.id, 'device id');
  tokens.add(device.registerDevice.token, `${name}: device token`);
  const deviceToken = device.registerDevice.token;

  // Three minutes of heart data, ending now, from the device: enough for a live state.
  const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 170 }], {
    start: Date.now() - 180_000,
    seed: 7,
  });
  const samples = sampleInputs(samplesFromBeats(beats));
  for (let i = 0; i < samples.length; i += 60)
    await ask(
      RECORD_BIOMETRICS,
      { input: { samples: samples.slice(i, i + 60) } },
      'heart data',
      deviceToken,
    );

  const checkIn = await ask<{ recordCheckIn: { id: string } }>(
    'mutation($note: String) { recordCheckIn(mood: 2, energy: 4, note: $note) { id } }',
    { note: `slept badly ${tokens.secret(`${name}: check-in note`)}` },
    'check-in',
  );
  own('CheckIn', checkIn.recordCheckIn.id, 'check-in id');
  const reading = await ask<{ recordEmotion: { id: string } }>(
    'mutation($text: String!) { recordEmotion(text: $text) { id } }',
    { text: `I was scared, then relieved. ${tokens.secret(`${name}: journal text`)}` },
    'journal entry',
  );
  own('EmotionReading', reading.recordEmotion.id, 'journal entry id');
  const session = await ask<{ recordListeningSession: { id: string } }>(
    'mutation($input: ListeningSessionInput!) { recordListeningSession(input: $input) { id } }',
    {
      input: {
        clientId: `session-${randomUUID().slice(0, 8)}`,
        program: tokens.secret(`${name}: listening program`),
        startedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
        endedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
        exposureSeconds: 600,
        adjustments: 1,
      },
    },
    'listening session',
  );
  own('ListeningSession', session.recordListeningSession.id, 'listening session id');

  type Imported = {
    importStory: {
      id: string;
      version: number;
      scenes: Array<{ id: string; name: string; choices: Array<{ id: string }> }>;
    };
  };
  const IMPORT = `mutation($source: String!) { importStory(format: TWEE, source: $source) {
    id version scenes { id name choices { id } } } }`;
  const draft = await ask<Imported>(
    IMPORT,
    {
      source: twee(
        tokens.secret(`${name}: draft title`),
        tokens.secret(`${name}: draft scene text`),
        tokens.secret(`${name}: draft ending text`),
      ),
    },
    'draft story',
  );
  own('Story', draft.importStory.id, 'draft story id');
  for (const scene of draft.importStory.scenes) {
    own('Scene', scene.id, 'draft scene id');
    for (const choice of scene.choices) own('Choice', choice.id, 'draft choice id');
  }

  const published = await ask<Imported>(
    IMPORT,
    {
      source: twee(
        PrivateTokens.publicMarker(),
        PrivateTokens.publicMarker(),
        PrivateTokens.publicMarker(),
      ),
    },
    'story to publish',
  );
  const story = published.importStory;
  own('Story', story.id);
  tokens.markPublic(story.id);
  for (const scene of story.scenes) {
    own('Scene', scene.id);
    tokens.markPublic(scene.id);
    for (const choice of scene.choices) {
      own('Choice', choice.id);
      tokens.markPublic(choice.id);
    }
  }
  const publication = await ask<{ publishStory: { storyVersion: number } }>(
    'mutation($id: ID!, $v: Int!) { publishStory(storyId: $id, expectedVersion: $v) { storyVersion } }',
    { id: story.id, v: story.version },
    'publication',
  );
  // An edit after publishing: readers must keep seeing the published words, not these.
  const start = story.scenes.find((s) => s.name === 'Start')!;
  await ask(
    `mutation($id: ID!, $v: Int!, $scene: ID!, $text: String) {
      editScene(storyId: $id, expectedVersion: $v, sceneId: $scene, text: $text) { version } }`,
    {
      id: story.id,
      v: publication.publishStory.storyVersion,
      scene: start.id,
      text: `${tokens.secret(`${name}: unpublished edit of a published story`)}\n[[Go on->Next]]`,
    },
    'unpublished edit',
  );
  const playthrough = await ask<{ startPlaythrough: { id: string } }>(
    'mutation($id: ID!) { startPlaythrough(storyId: $id) { id } }',
    { id: story.id },
    'playthrough',
  );
  own('Playthrough', playthrough.startPlaythrough.id, 'playthrough id');

  if (schema?.getMutationType()?.getFields().sendCompanionMessage) {
    // What a person confides, and a crisis: the most private data the graph holds.
    type Turn = {
      sendCompanionMessage: {
        conversation: { id: string };
        message: { id: string };
        reply: { id: string };
        memoriesSaved: string[];
        safety: { eventId: string | null } | null;
      };
    };
    const SEND = `mutation($c: ID, $t: String!, $id: ID!) {
      sendCompanionMessage(conversationId: $c, text: $t, clientMessageId: $id) {
        conversation { id } message { id } reply { id } memoriesSaved safety { eventId } } }`;
    let conversation: string | undefined;
    for (const [text, label] of [
      ['My sister Mia lives in Busan and I worry about her.', 'confided message'],
      ['I want to kill myself tonight, I have the pills ready.', 'crisis message'],
    ] as const) {
      const turn = await ask<Turn>(
        SEND,
        {
          c: conversation ?? null,
          t: `${text} ${tokens.secret(`${name}: ${label}`)}`,
          id: randomUUID(),
        },
        label,
      );
      const sent = turn.sendCompanionMessage;
      conversation = sent.conversation.id;
      own('CompanionMessage', sent.message.id, `${label} id`);
      own('CompanionMessage', sent.reply.id, 'companion reply id');
      for (const memory of sent.memoriesSaved) own('Memory', memory, 'memory id');
      if (sent.safety?.eventId) own('SafetyEvent', sent.safety.eventId, 'crisis alert id');
    }
    own('Conversation', conversation!, 'conversation id');
  }

  // A coach held every scope of consent, and lost it.
  const formerCoach = await signUp(gatewayUrl, `Coach-of-${name}`);
  for (const scope of consentScopes(schema)) {
    const granted = await ask<{ grantConsent: { id: string } }>(
      'mutation($scope: ConsentScope!, $email: String!) { grantConsent(scope: $scope, granteeEmail: $email) { id } }',
      { scope, email: formerCoach.email },
      `consent (${scope})`,
    );
    own('Consent', granted.grantConsent.id, `consent id (${scope})`);
    await ask(
      'mutation($id: ID!) { revokeConsent(id: $id) { id } }',
      { id: granted.grantConsent.id },
      `revocation (${scope})`,
    );
  }
  return { name, account, deviceToken, ids, tokens, formerCoach };
}

/** Every scope a person can consent to, as the schema lists them. */
export function consentScopes(schema?: GraphQLSchema): string[] {
  const type = schema?.getType('ConsentScope');
  return isEnumType(type)
    ? type.getValues().map((value) => value.name)
    : ['LIVE_STATE', 'HISTORY', 'JOURNAL'];
}
