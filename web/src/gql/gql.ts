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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
