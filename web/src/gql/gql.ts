/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  subscription StateChanged($userId: ID) {\n    stateChanged(userId: $userId) {\n      heartRate\n      stress\n      coherence\n      breathingRate\n      label\n      confidence\n      updatedAt\n      hrv {\n        rmssd\n        sdnn\n      }\n    }\n  }\n": typeof types.StateChangedDocument,
    "\n  subscription EmotionRecorded($userId: ID) {\n    emotionRecorded(userId: $userId) {\n      id\n      valence\n      arousal\n      createdAt\n      labels {\n        label\n        score\n      }\n    }\n  }\n": typeof types.EmotionRecordedDocument,
    "\n  mutation RegisterBrowserDevice($name: String!) {\n    registerDevice(kind: BROWSER, name: $name) {\n      device {\n        id\n      }\n    }\n  }\n": typeof types.RegisterBrowserDeviceDocument,
    "\n  query MyDevices {\n    me {\n      id\n      devices {\n        id\n        kind\n        name\n      }\n    }\n  }\n": typeof types.MyDevicesDocument,
    "\n  mutation RecordBiometrics($input: BiometricBatchInput!) {\n    recordBiometrics(input: $input) {\n      accepted\n      duplicates\n      rejected {\n        index\n        reason\n      }\n    }\n  }\n": typeof types.RecordBiometricsDocument,
    "\n  mutation RecordListeningSession($input: ListeningSessionInput!) {\n    recordListeningSession(input: $input) {\n      id\n      program\n      durationSeconds\n      heartRateStart\n      heartRateEnd\n      rmssdStart\n      rmssdEnd\n    }\n  }\n": typeof types.RecordListeningSessionDocument,
    "\n  query People {\n    me {\n      id\n      displayName\n      consentsReceived {\n        id\n        scope\n        owner {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  query History($userId: ID!, $from: DateTime!, $to: DateTime!, $resolution: Int!) {\n    user(id: $userId) {\n      id\n      displayName\n      stateHistory(from: $from, to: $to, resolution: $resolution) {\n        heartRate\n        stress\n        updatedAt\n        hrv {\n          rmssd\n        }\n      }\n      listeningSessions(from: $from, to: $to) {\n        id\n        program\n        startedAt\n        endedAt\n        durationSeconds\n        heartRateStart\n        heartRateEnd\n        rmssdStart\n        rmssdEnd\n      }\n    }\n  }\n": typeof types.HistoryDocument,
    "\n  query Journal($userId: ID!, $from: DateTime!, $to: DateTime!) {\n    user(id: $userId) {\n      id\n      emotionReadings(from: $from, to: $to) {\n        id\n        valence\n        arousal\n        createdAt\n        labels {\n          label\n          score\n        }\n      }\n    }\n  }\n": typeof types.JournalDocument,
    "\n  mutation StartConversation {\n    startConversation {\n      id\n    }\n  }\n": typeof types.StartConversationDocument,
    "\n  subscription CompanionReply($conversationId: ID!) {\n    companionReply(conversationId: $conversationId) {\n      conversationId\n      messageId\n      index\n      delta\n      done\n    }\n  }\n": typeof types.CompanionReplyDocument,
    "\n  mutation SendCompanionMessage($conversationId: ID, $text: String!, $clientMessageId: ID!) {\n    sendCompanionMessage(\n      conversationId: $conversationId\n      text: $text\n      clientMessageId: $clientMessageId\n    ) {\n      conversation {\n        id\n      }\n      message {\n        id\n      }\n      reply {\n        id\n        text\n        createdAt\n        memoriesUsed {\n          via\n          score\n          memory {\n            id\n            text\n            recordedAt\n            conversationId\n            messageId\n          }\n        }\n      }\n      memoriesSaved\n      safety {\n        level\n        subject\n        locale\n        lines {\n          number\n          label\n          tel\n          sms\n          emergency\n        }\n      }\n    }\n  }\n": typeof types.SendCompanionMessageDocument,
    "\n  query MyMemories($query: String, $asOf: DateTime, $first: Int, $after: String) {\n    me {\n      id\n      memories(query: $query, asOf: $asOf, first: $first, after: $after) {\n        items {\n          via\n          score\n          memory {\n            id\n            text\n            kind\n            predicate\n            recordedAt\n            expiredAt\n            validTo\n            conversationId\n          }\n        }\n        next\n      }\n    }\n  }\n": typeof types.MyMemoriesDocument,
    "\n  mutation ForgetMemory($id: ID!) {\n    forgetMemory(id: $id)\n  }\n": typeof types.ForgetMemoryDocument,
    "\n  mutation ForgetEverything {\n    forgetEverything(confirm: true)\n  }\n": typeof types.ForgetEverythingDocument,
    "\n  query ExportMyMemories {\n    exportMyMemories\n  }\n": typeof types.ExportMyMemoriesDocument,
    "\n  query CompanionProfile {\n    me {\n      id\n      companionProfile {\n        name\n        style\n        warmth\n        turns\n      }\n    }\n  }\n": typeof types.CompanionProfileDocument,
    "\n  mutation SetCompanionProfile($name: String, $style: String) {\n    setCompanionProfile(name: $name, style: $style) {\n      name\n      style\n      warmth\n      turns\n    }\n  }\n": typeof types.SetCompanionProfileDocument,
    "\n  mutation ResetCompanionProfile {\n    resetCompanionProfile {\n      name\n      style\n      warmth\n      turns\n    }\n  }\n": typeof types.ResetCompanionProfileDocument,
};
const documents: Documents = {
    "\n  subscription StateChanged($userId: ID) {\n    stateChanged(userId: $userId) {\n      heartRate\n      stress\n      coherence\n      breathingRate\n      label\n      confidence\n      updatedAt\n      hrv {\n        rmssd\n        sdnn\n      }\n    }\n  }\n": types.StateChangedDocument,
    "\n  subscription EmotionRecorded($userId: ID) {\n    emotionRecorded(userId: $userId) {\n      id\n      valence\n      arousal\n      createdAt\n      labels {\n        label\n        score\n      }\n    }\n  }\n": types.EmotionRecordedDocument,
    "\n  mutation RegisterBrowserDevice($name: String!) {\n    registerDevice(kind: BROWSER, name: $name) {\n      device {\n        id\n      }\n    }\n  }\n": types.RegisterBrowserDeviceDocument,
    "\n  query MyDevices {\n    me {\n      id\n      devices {\n        id\n        kind\n        name\n      }\n    }\n  }\n": types.MyDevicesDocument,
    "\n  mutation RecordBiometrics($input: BiometricBatchInput!) {\n    recordBiometrics(input: $input) {\n      accepted\n      duplicates\n      rejected {\n        index\n        reason\n      }\n    }\n  }\n": types.RecordBiometricsDocument,
    "\n  mutation RecordListeningSession($input: ListeningSessionInput!) {\n    recordListeningSession(input: $input) {\n      id\n      program\n      durationSeconds\n      heartRateStart\n      heartRateEnd\n      rmssdStart\n      rmssdEnd\n    }\n  }\n": types.RecordListeningSessionDocument,
    "\n  query People {\n    me {\n      id\n      displayName\n      consentsReceived {\n        id\n        scope\n        owner {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.PeopleDocument,
    "\n  query History($userId: ID!, $from: DateTime!, $to: DateTime!, $resolution: Int!) {\n    user(id: $userId) {\n      id\n      displayName\n      stateHistory(from: $from, to: $to, resolution: $resolution) {\n        heartRate\n        stress\n        updatedAt\n        hrv {\n          rmssd\n        }\n      }\n      listeningSessions(from: $from, to: $to) {\n        id\n        program\n        startedAt\n        endedAt\n        durationSeconds\n        heartRateStart\n        heartRateEnd\n        rmssdStart\n        rmssdEnd\n      }\n    }\n  }\n": types.HistoryDocument,
    "\n  query Journal($userId: ID!, $from: DateTime!, $to: DateTime!) {\n    user(id: $userId) {\n      id\n      emotionReadings(from: $from, to: $to) {\n        id\n        valence\n        arousal\n        createdAt\n        labels {\n          label\n          score\n        }\n      }\n    }\n  }\n": types.JournalDocument,
    "\n  mutation StartConversation {\n    startConversation {\n      id\n    }\n  }\n": types.StartConversationDocument,
    "\n  subscription CompanionReply($conversationId: ID!) {\n    companionReply(conversationId: $conversationId) {\n      conversationId\n      messageId\n      index\n      delta\n      done\n    }\n  }\n": types.CompanionReplyDocument,
    "\n  mutation SendCompanionMessage($conversationId: ID, $text: String!, $clientMessageId: ID!) {\n    sendCompanionMessage(\n      conversationId: $conversationId\n      text: $text\n      clientMessageId: $clientMessageId\n    ) {\n      conversation {\n        id\n      }\n      message {\n        id\n      }\n      reply {\n        id\n        text\n        createdAt\n        memoriesUsed {\n          via\n          score\n          memory {\n            id\n            text\n            recordedAt\n            conversationId\n            messageId\n          }\n        }\n      }\n      memoriesSaved\n      safety {\n        level\n        subject\n        locale\n        lines {\n          number\n          label\n          tel\n          sms\n          emergency\n        }\n      }\n    }\n  }\n": types.SendCompanionMessageDocument,
    "\n  query MyMemories($query: String, $asOf: DateTime, $first: Int, $after: String) {\n    me {\n      id\n      memories(query: $query, asOf: $asOf, first: $first, after: $after) {\n        items {\n          via\n          score\n          memory {\n            id\n            text\n            kind\n            predicate\n            recordedAt\n            expiredAt\n            validTo\n            conversationId\n          }\n        }\n        next\n      }\n    }\n  }\n": types.MyMemoriesDocument,
    "\n  mutation ForgetMemory($id: ID!) {\n    forgetMemory(id: $id)\n  }\n": types.ForgetMemoryDocument,
    "\n  mutation ForgetEverything {\n    forgetEverything(confirm: true)\n  }\n": types.ForgetEverythingDocument,
    "\n  query ExportMyMemories {\n    exportMyMemories\n  }\n": types.ExportMyMemoriesDocument,
    "\n  query CompanionProfile {\n    me {\n      id\n      companionProfile {\n        name\n        style\n        warmth\n        turns\n      }\n    }\n  }\n": types.CompanionProfileDocument,
    "\n  mutation SetCompanionProfile($name: String, $style: String) {\n    setCompanionProfile(name: $name, style: $style) {\n      name\n      style\n      warmth\n      turns\n    }\n  }\n": types.SetCompanionProfileDocument,
    "\n  mutation ResetCompanionProfile {\n    resetCompanionProfile {\n      name\n      style\n      warmth\n      turns\n    }\n  }\n": types.ResetCompanionProfileDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StateChanged($userId: ID) {\n    stateChanged(userId: $userId) {\n      heartRate\n      stress\n      coherence\n      breathingRate\n      label\n      confidence\n      updatedAt\n      hrv {\n        rmssd\n        sdnn\n      }\n    }\n  }\n"): typeof import('./graphql').StateChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EmotionRecorded($userId: ID) {\n    emotionRecorded(userId: $userId) {\n      id\n      valence\n      arousal\n      createdAt\n      labels {\n        label\n        score\n      }\n    }\n  }\n"): typeof import('./graphql').EmotionRecordedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterBrowserDevice($name: String!) {\n    registerDevice(kind: BROWSER, name: $name) {\n      device {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').RegisterBrowserDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDevices {\n    me {\n      id\n      devices {\n        id\n        kind\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MyDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordBiometrics($input: BiometricBatchInput!) {\n    recordBiometrics(input: $input) {\n      accepted\n      duplicates\n      rejected {\n        index\n        reason\n      }\n    }\n  }\n"): typeof import('./graphql').RecordBiometricsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordListeningSession($input: ListeningSessionInput!) {\n    recordListeningSession(input: $input) {\n      id\n      program\n      durationSeconds\n      heartRateStart\n      heartRateEnd\n      rmssdStart\n      rmssdEnd\n    }\n  }\n"): typeof import('./graphql').RecordListeningSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People {\n    me {\n      id\n      displayName\n      consentsReceived {\n        id\n        scope\n        owner {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query History($userId: ID!, $from: DateTime!, $to: DateTime!, $resolution: Int!) {\n    user(id: $userId) {\n      id\n      displayName\n      stateHistory(from: $from, to: $to, resolution: $resolution) {\n        heartRate\n        stress\n        updatedAt\n        hrv {\n          rmssd\n        }\n      }\n      listeningSessions(from: $from, to: $to) {\n        id\n        program\n        startedAt\n        endedAt\n        durationSeconds\n        heartRateStart\n        heartRateEnd\n        rmssdStart\n        rmssdEnd\n      }\n    }\n  }\n"): typeof import('./graphql').HistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Journal($userId: ID!, $from: DateTime!, $to: DateTime!) {\n    user(id: $userId) {\n      id\n      emotionReadings(from: $from, to: $to) {\n        id\n        valence\n        arousal\n        createdAt\n        labels {\n          label\n          score\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').JournalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartConversation {\n    startConversation {\n      id\n    }\n  }\n"): typeof import('./graphql').StartConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CompanionReply($conversationId: ID!) {\n    companionReply(conversationId: $conversationId) {\n      conversationId\n      messageId\n      index\n      delta\n      done\n    }\n  }\n"): typeof import('./graphql').CompanionReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCompanionMessage($conversationId: ID, $text: String!, $clientMessageId: ID!) {\n    sendCompanionMessage(\n      conversationId: $conversationId\n      text: $text\n      clientMessageId: $clientMessageId\n    ) {\n      conversation {\n        id\n      }\n      message {\n        id\n      }\n      reply {\n        id\n        text\n        createdAt\n        memoriesUsed {\n          via\n          score\n          memory {\n            id\n            text\n            recordedAt\n            conversationId\n            messageId\n          }\n        }\n      }\n      memoriesSaved\n      safety {\n        level\n        subject\n        locale\n        lines {\n          number\n          label\n          tel\n          sms\n          emergency\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SendCompanionMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMemories($query: String, $asOf: DateTime, $first: Int, $after: String) {\n    me {\n      id\n      memories(query: $query, asOf: $asOf, first: $first, after: $after) {\n        items {\n          via\n          score\n          memory {\n            id\n            text\n            kind\n            predicate\n            recordedAt\n            expiredAt\n            validTo\n            conversationId\n          }\n        }\n        next\n      }\n    }\n  }\n"): typeof import('./graphql').MyMemoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgetMemory($id: ID!) {\n    forgetMemory(id: $id)\n  }\n"): typeof import('./graphql').ForgetMemoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgetEverything {\n    forgetEverything(confirm: true)\n  }\n"): typeof import('./graphql').ForgetEverythingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportMyMemories {\n    exportMyMemories\n  }\n"): typeof import('./graphql').ExportMyMemoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanionProfile {\n    me {\n      id\n      companionProfile {\n        name\n        style\n        warmth\n        turns\n      }\n    }\n  }\n"): typeof import('./graphql').CompanionProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCompanionProfile($name: String, $style: String) {\n    setCompanionProfile(name: $name, style: $style) {\n      name\n      style\n      warmth\n      turns\n    }\n  }\n"): typeof import('./graphql').SetCompanionProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetCompanionProfile {\n    resetCompanionProfile {\n      name\n      style\n      warmth\n      turns\n    }\n  }\n"): typeof import('./graphql').ResetCompanionProfileDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
