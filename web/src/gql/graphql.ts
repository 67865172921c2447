/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type BiometricBatchInput = {
  /** The recording device. Device tokens may omit it (it is theirs); it must be the caller's own. */
  deviceId?: string | number | null | undefined;
  /** Up to 10,000 samples. */
  samples: Array<BiometricSampleInput>;
};

export type BiometricSampleInput = {
  /** Beats per minute, 25–250. */
  heartRate?: number | null | undefined;
  /** Breaths per minute, 2–60. */
  respirationRate?: number | null | undefined;
  /** RR intervals ended by `timestamp`, oldest first, ms, each 250–2500. */
  rrIntervals?: Array<number> | null | undefined;
  /** °C, 25–45. */
  skinTemperature?: number | null | undefined;
  /** Blood oxygen saturation, %, 50–100. */
  spo2?: number | null | undefined;
  /** Steps since the previous sample, 0–1000. */
  steps?: number | null | undefined;
  timestamp: string;
};

/** What a grantee may watch. */
export type ConsentScope =
  /** The companion's crisis alerts, as they happen (never the conversation itself). */
  | 'CRISIS_ALERTS'
  /** Stored history: biometrics, states, sessions. */
  | 'HISTORY'
  /** Journal entries and emotion readings. */
  | 'JOURNAL'
  /** Live physiological and emotional state, as it happens. */
  | 'LIVE_STATE';

export type DeviceKind =
  | 'BROWSER'
  | 'PHONE'
  | 'WEARABLE';

export type ListeningSessionInput = {
  /** 0–10,000. */
  adjustments: number;
  /** The client's id for the session (1–64 letters, digits, - or _): saving again returns the first save. */
  clientId: string | number;
  /** After startedAt, at most 12 hours later, not in the future. */
  endedAt: string;
  /** 0 to the session's duration. */
  exposureSeconds: number;
  /** 1–64 characters. */
  program: string;
  startedAt: string;
};

export type MemoryKind =
  | 'EVENT'
  | 'FACT'
  | 'PERSON'
  | 'PLACE'
  | 'PREFERENCE';

export type SafetyLevel =
  | 'CONCERN'
  | 'ELEVATED'
  | 'IMMINENT'
  | 'NONE';

export type StateChangedSubscriptionVariables = Exact<{
  userId?: string | number | null | undefined;
}>;


export type StateChangedSubscription = { stateChanged: { heartRate: number | null, stress: number | null, coherence: number | null, breathingRate: number | null, label: string, confidence: number, updatedAt: string, hrv: { rmssd: number | null, sdnn: number | null } | null } };

export type EmotionRecordedSubscriptionVariables = Exact<{
  userId?: string | number | null | undefined;
}>;


export type EmotionRecordedSubscription = { emotionRecorded: { id: string, valence: number, arousal: number, createdAt: string, labels: Array<{ label: string, score: number }> } };

export type RegisterBrowserDeviceMutationVariables = Exact<{
  name: string;
}>;


export type RegisterBrowserDeviceMutation = { registerDevice: { device: { id: string } } };

export type MyDevicesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDevicesQuery = { me: { id: string, devices: Array<{ id: string, kind: DeviceKind, name: string }> | null } | null };

export type RecordBiometricsMutationVariables = Exact<{
  input: BiometricBatchInput;
}>;


export type RecordBiometricsMutation = { recordBiometrics: { accepted: number, duplicates: number, rejected: Array<{ index: number, reason: string }> } };

export type RecordListeningSessionMutationVariables = Exact<{
  input: ListeningSessionInput;
}>;


export type RecordListeningSessionMutation = { recordListeningSession: { id: string, program: string, durationSeconds: number, heartRateStart: number | null, heartRateEnd: number | null, rmssdStart: number | null, rmssdEnd: number | null } };

export type PeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type PeopleQuery = { me: { id: string, displayName: string, consentsReceived: Array<{ id: string, scope: ConsentScope, owner: { id: string, displayName: string } }> | null } | null };

export type HistoryQueryVariables = Exact<{
  userId: string | number;
  from: string;
  to: string;
  resolution: number;
}>;


export type HistoryQuery = { user: { id: string, displayName: string, stateHistory: Array<{ heartRate: number | null, stress: number | null, updatedAt: string, hrv: { rmssd: number | null } | null }> | null, listeningSessions: Array<{ id: string, program: string, startedAt: string, endedAt: string, durationSeconds: number, heartRateStart: number | null, heartRateEnd: number | null, rmssdStart: number | null, rmssdEnd: number | null }> | null } | null };

export type JournalQueryVariables = Exact<{
  userId: string | number;
  from: string;
  to: string;
}>;


export type JournalQuery = { user: { id: string, emotionReadings: Array<{ id: string, valence: number, arousal: number, createdAt: string, labels: Array<{ label: string, score: number }> }> | null } | null };

export type StartConversationMutationVariables = Exact<{ [key: string]: never; }>;


export type StartConversationMutation = { startConversation: { id: string } };

export type CompanionReplySubscriptionVariables = Exact<{
  conversationId: string | number;
}>;


export type CompanionReplySubscription = { companionReply: { conversationId: string, messageId: string, index: number, delta: string, done: boolean } };

export type SendCompanionMessageMutationVariables = Exact<{
  conversationId?: string | number | null | undefined;
  text: string;
  clientMessageId: string | number;
}>;


export type SendCompanionMessageMutation = { sendCompanionMessage: { memoriesSaved: Array<string>, conversation: { id: string }, message: { id: string }, reply: { id: string, text: string, createdAt: string, memoriesUsed: Array<{ via: Array<string>, score: number, memory: { id: string, text: string, recordedAt: string, conversationId: string, messageId: string } | null }> }, safety: { level: SafetyLevel, subject: string, locale: string, lines: Array<{ number: string, label: string, tel: string, sms: string | null, emergency: boolean }> } | null } };

export type MyMemoriesQueryVariables = Exact<{
  query?: string | null | undefined;
  asOf?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyMemoriesQuery = { me: { id: string, memories: { next: string | null, items: Array<{ via: Array<string>, score: number, memory: { id: string, text: string, kind: MemoryKind, predicate: string, recordedAt: string, expiredAt: string | null, validTo: string | null, conversationId: string } | null }> } | null } | null };

export type ForgetMemoryMutationVariables = Exact<{
  id: string | number;
}>;


export type ForgetMemoryMutation = { forgetMemory: boolean };

export type ForgetEverythingMutationVariables = Exact<{ [key: string]: never; }>;


export type ForgetEverythingMutation = { forgetEverything: number };

export type ExportMyMemoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportMyMemoriesQuery = { exportMyMemories: string };

export type CompanionProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type CompanionProfileQuery = { me: { id: string, companionProfile: { name: string, style: string, warmth: number, turns: number } | null } | null };

export type SetCompanionProfileMutationVariables = Exact<{
  name?: string | null | undefined;
  style?: string | null | undefined;
}>;


export type SetCompanionProfileMutation = { setCompanionProfile: { name: string, style: string, warmth: number, turns: number } };

export type ResetCompanionProfileMutationVariables = Exact<{ [key: string]: never; }>;


export type ResetCompanionProfileMutation = { resetCompanionProfile: { name: string, style: string, warmth: number, turns: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const StateChangedDocument = new TypedDocumentString(`
    subscription StateChanged($userId: ID) {
  stateChanged(userId: $userId) {
    heartRate
    stress
    coherence
    breathingRate
    label
    confidence
    updatedAt
    hrv {
      rmssd
      sdnn
    }
  }
}
    `) as unknown as TypedDocumentString<StateChangedSubscription, StateChangedSubscriptionVariables>;
export const EmotionRecordedDocument = new TypedDocumentString(`
    subscription EmotionRecorded($userId: ID) {
  emotionRecorded(userId: $userId) {
    id
    valence
    arousal
    createdAt
    labels {
      label
      score
    }
  }
}
    `) as unknown as TypedDocumentString<EmotionRecordedSubscription, EmotionRecordedSubscriptionVariables>;
export const RegisterBrowserDeviceDocument = new TypedDocumentString(`
    mutation RegisterBrowserDevice($name: String!) {
  registerDevice(kind: BROWSER, name: $name) {
    device {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RegisterBrowserDeviceMutation, RegisterBrowserDeviceMutationVariables>;
export const MyDevicesDocument = new TypedDocumentString(`
    query MyDevices {
  me {
    id
    devices {
      id
      kind
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MyDevicesQuery, MyDevicesQueryVariables>;
export const RecordBiometricsDocument = new TypedDocumentString(`
    mutation RecordBiometrics($input: BiometricBatchInput!) {
  recordBiometrics(input: $input) {
    accepted
    duplicates
    rejected {
      index
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<RecordBiometricsMutation, RecordBiometricsMutationVariables>;
export const RecordListeningSessionDocument = new TypedDocumentString(`
    mutation RecordListeningSession($input: ListeningSessionInput!) {
  recordListeningSession(input: $input) {
    id
    program
    durationSeconds
    heartRateStart
    heartRateEnd
    rmssdStart
    rmssdEnd
  }
}
    `) as unknown as TypedDocumentString<RecordListeningSessionMutation, RecordListeningSessionMutationVariables>;
export const PeopleDocument = new TypedDocumentString(`
    query People {
  me {
    id
    displayName
    consentsReceived {
      id
      scope
      owner {
        id
        displayName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PeopleQuery, PeopleQueryVariables>;
export const HistoryDocument = new TypedDocumentString(`
    query History($userId: ID!, $from: DateTime!, $to: DateTime!, $resolution: Int!) {
  user(id: $userId) {
    id
    displayName
    stateHistory(from: $from, to: $to, resolution: $resolution) {
      heartRate
      stress
      updatedAt
      hrv {
        rmssd
      }
    }
    listeningSessions(from: $from, to: $to) {
      id
      program
      startedAt
      endedAt
      durationSeconds
      heartRateStart
      heartRateEnd
      rmssdStart
      rmssdEnd
    }
  }
}
    `) as unknown as TypedDocumentString<HistoryQuery, HistoryQueryVariables>;
export const JournalDocument = new TypedDocumentString(`
    query Journal($userId: ID!, $from: DateTime!, $to: DateTime!) {
  user(id: $userId) {
    id
    emotionReadings(from: $from, to: $to) {
      id
      valence
      arousal
      createdAt
      labels {
        label
        score
      }
    }
  }
}
    `) as unknown as TypedDocumentString<JournalQuery, JournalQueryVariables>;
export const StartConversationDocument = new TypedDocumentString(`
    mutation StartConversation {
  startConversation {
    id
  }
}
    `) as unknown as TypedDocumentString<StartConversationMutation, StartConversationMutationVariables>;
export const CompanionReplyDocument = new TypedDocumentString(`
    subscription CompanionReply($conversationId: ID!) {
  companionReply(conversationId: $conversationId) {
    conversationId
    messageId
    index
    delta
    done
  }
}
    `) as unknown as TypedDocumentString<CompanionReplySubscription, CompanionReplySubscriptionVariables>;
export const SendCompanionMessageDocument = new TypedDocumentString(`
    mutation SendCompanionMessage($conversationId: ID, $text: String!, $clientMessageId: ID!) {
  sendCompanionMessage(
    conversationId: $conversationId
    text: $text
    clientMessageId: $clientMessageId
  ) {
    conversation {
      id
    }
    message {
      id
    }
    reply {
      id
      text
      createdAt
      memoriesUsed {
        via
        score
        memory {
          id
          text
          recordedAt
          conversationId
          messageId
        }
      }
    }
    memoriesSaved
    safety {
      level
      subject
      locale
      lines {
        number
        label
        tel
        sms
        emergency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SendCompanionMessageMutation, SendCompanionMessageMutationVariables>;
export const MyMemoriesDocument = new TypedDocumentString(`
    query MyMemories($query: String, $asOf: DateTime, $first: Int, $after: String) {
  me {
    id
    memories(query: $query, asOf: $asOf, first: $first, after: $after) {
      items {
        via
        score
        memory {
          id
          text
          kind
          predicate
          recordedAt
          expiredAt
          validTo
          conversationId
        }
      }
      next
    }
  }
}
    `) as unknown as TypedDocumentString<MyMemoriesQuery, MyMemoriesQueryVariables>;
export const ForgetMemoryDocument = new TypedDocumentString(`
    mutation ForgetMemory($id: ID!) {
  forgetMemory(id: $id)
}
    `) as unknown as TypedDocumentString<ForgetMemoryMutation, ForgetMemoryMutationVariables>;
export const ForgetEverythingDocument = new TypedDocumentString(`
    mutation ForgetEverything {
  forgetEverything(confirm: true)
}
    `) as unknown as TypedDocumentString<ForgetEverythingMutation, ForgetEverythingMutationVariables>;
export const ExportMyMemoriesDocument = new TypedDocumentString(`
    query ExportMyMemories {
  exportMyMemories
}
    `) as unknown as TypedDocumentString<ExportMyMemoriesQuery, ExportMyMemoriesQueryVariables>;
export const CompanionProfileDocument = new TypedDocumentString(`
    query CompanionProfile {
  me {
    id
    companionProfile {
      name
      style
      warmth
      turns
    }
  }
}
    `) as unknown as TypedDocumentString<CompanionProfileQuery, CompanionProfileQueryVariables>;
export const SetCompanionProfileDocument = new TypedDocumentString(`
    mutation SetCompanionProfile($name: String, $style: String) {
  setCompanionProfile(name: $name, style: $style) {
    name
    style
    warmth
    turns
  }
}
    `) as unknown as TypedDocumentString<SetCompanionProfileMutation, SetCompanionProfileMutationVariables>;
export const ResetCompanionProfileDocument = new TypedDocumentString(`
    mutation ResetCompanionProfile {
  resetCompanionProfile {
    name
    style
    warmth
    turns
  }
}
    `) as unknown as TypedDocumentString<ResetCompanionProfileMutation, ResetCompanionProfileMutationVariables>;