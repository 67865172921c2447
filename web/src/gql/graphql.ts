/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** ID list filters */
export type IdListFilters = {
  eq?: Array<string | number> | null | undefined;
  includes?: string | number | null | undefined;
};

/** ID filters */
export type IdScalarFilters = {
  contains?: string | number | null | undefined;
  endsWith?: string | number | null | undefined;
  eq?: string | number | null | undefined;
  in?: Array<string | number> | null | undefined;
  startsWith?: string | number | null | undefined;
};

/** Int filters */
export type IntScalarFilters = {
  eq?: number | null | undefined;
  gt?: number | null | undefined;
  gte?: number | null | undefined;
  in?: Array<number> | null | undefined;
  lt?: number | null | undefined;
  lte?: number | null | undefined;
};

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

export type ScenePositionInput = {
  /** "x,y" in the editor. */
  position: string;
  sceneId: string | number;
};

export type StoryFormat =
  /** Twee 3 source */
  | 'TWEE'
  /** Twine 2 HTML (published story or library archive; the first story is imported) */
  | 'TWINE_HTML';

/**
 * Stories are graphs in Neo4j: scenes linked by choices. Drafts are visible to their authors
 * only; published stories to everyone. Only authors change a story, its scenes and choices.
 */
export type StoryStatus =
  | 'DRAFT'
  | 'PUBLISHED';

/** StoryStatus filters */
export type StoryStatusEnumScalarFilters = {
  eq?: StoryStatus | null | undefined;
  in?: Array<StoryStatus> | null | undefined;
};

export type StoryWhere = {
  AND?: Array<StoryWhere> | null | undefined;
  NOT?: StoryWhere | null | undefined;
  OR?: Array<StoryWhere> | null | undefined;
  authorIds?: IdListFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter authorIds: { eq: ... } */
  authorIds_EQ?: Array<string | number> | null | undefined;
  /** @deprecated Please use the relevant generic filter authorIds: { includes: ... } */
  authorIds_INCLUDES?: string | number | null | undefined;
  format?: StringScalarFilters | null | undefined;
  formatVersion?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter formatVersion: { contains: ... } */
  formatVersion_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter formatVersion: { endsWith: ... } */
  formatVersion_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter formatVersion: { eq: ... } */
  formatVersion_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter formatVersion: { in: ... } */
  formatVersion_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter formatVersion: { startsWith: ... } */
  formatVersion_STARTS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter format: { contains: ... } */
  format_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter format: { endsWith: ... } */
  format_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter format: { eq: ... } */
  format_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter format: { in: ... } */
  format_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter format: { startsWith: ... } */
  format_STARTS_WITH?: string | null | undefined;
  id?: IdScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter id: { contains: ... } */
  id_CONTAINS?: string | number | null | undefined;
  /** @deprecated Please use the relevant generic filter id: { endsWith: ... } */
  id_ENDS_WITH?: string | number | null | undefined;
  /** @deprecated Please use the relevant generic filter id: { eq: ... } */
  id_EQ?: string | number | null | undefined;
  /** @deprecated Please use the relevant generic filter id: { in: ... } */
  id_IN?: Array<string | number> | null | undefined;
  /** @deprecated Please use the relevant generic filter id: { startsWith: ... } */
  id_STARTS_WITH?: string | number | null | undefined;
  ifid?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter ifid: { contains: ... } */
  ifid_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter ifid: { endsWith: ... } */
  ifid_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter ifid: { eq: ... } */
  ifid_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter ifid: { in: ... } */
  ifid_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter ifid: { startsWith: ... } */
  ifid_STARTS_WITH?: string | null | undefined;
  language?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter language: { contains: ... } */
  language_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter language: { endsWith: ... } */
  language_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter language: { eq: ... } */
  language_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter language: { in: ... } */
  language_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter language: { startsWith: ... } */
  language_STARTS_WITH?: string | null | undefined;
  script?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter script: { contains: ... } */
  script_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter script: { endsWith: ... } */
  script_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter script: { eq: ... } */
  script_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter script: { in: ... } */
  script_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter script: { startsWith: ... } */
  script_STARTS_WITH?: string | null | undefined;
  status?: StoryStatusEnumScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter status: { eq: ... } */
  status_EQ?: StoryStatus | null | undefined;
  /** @deprecated Please use the relevant generic filter status: { in: ... } */
  status_IN?: Array<StoryStatus> | null | undefined;
  storyData?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter storyData: { contains: ... } */
  storyData_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter storyData: { endsWith: ... } */
  storyData_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter storyData: { eq: ... } */
  storyData_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter storyData: { in: ... } */
  storyData_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter storyData: { startsWith: ... } */
  storyData_STARTS_WITH?: string | null | undefined;
  stylesheet?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter stylesheet: { contains: ... } */
  stylesheet_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter stylesheet: { endsWith: ... } */
  stylesheet_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter stylesheet: { eq: ... } */
  stylesheet_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter stylesheet: { in: ... } */
  stylesheet_IN?: Array<string | null | undefined> | null | undefined;
  /** @deprecated Please use the relevant generic filter stylesheet: { startsWith: ... } */
  stylesheet_STARTS_WITH?: string | null | undefined;
  summary?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter summary: { contains: ... } */
  summary_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter summary: { endsWith: ... } */
  summary_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter summary: { eq: ... } */
  summary_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter summary: { in: ... } */
  summary_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter summary: { startsWith: ... } */
  summary_STARTS_WITH?: string | null | undefined;
  tags?: StringListFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter tags: { eq: ... } */
  tags_EQ?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter tags: { includes: ... } */
  tags_INCLUDES?: string | null | undefined;
  title?: StringScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter title: { contains: ... } */
  title_CONTAINS?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter title: { endsWith: ... } */
  title_ENDS_WITH?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter title: { eq: ... } */
  title_EQ?: string | null | undefined;
  /** @deprecated Please use the relevant generic filter title: { in: ... } */
  title_IN?: Array<string> | null | undefined;
  /** @deprecated Please use the relevant generic filter title: { startsWith: ... } */
  title_STARTS_WITH?: string | null | undefined;
  version?: IntScalarFilters | null | undefined;
  /** @deprecated Please use the relevant generic filter version: { eq: ... } */
  version_EQ?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter version: { gt: ... } */
  version_GT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter version: { gte: ... } */
  version_GTE?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter version: { in: ... } */
  version_IN?: Array<number> | null | undefined;
  /** @deprecated Please use the relevant generic filter version: { lt: ... } */
  version_LT?: number | null | undefined;
  /** @deprecated Please use the relevant generic filter version: { lte: ... } */
  version_LTE?: number | null | undefined;
};

/** String list filters */
export type StringListFilters = {
  eq?: Array<string> | null | undefined;
  includes?: string | null | undefined;
};

/** String filters */
export type StringScalarFilters = {
  contains?: string | null | undefined;
  endsWith?: string | null | undefined;
  eq?: string | null | undefined;
  in?: Array<string> | null | undefined;
  startsWith?: string | null | undefined;
};

export type CrisisAlertFieldsFragment = { id: string, level: SafetyLevel, subject: string, locale: string, createdAt: string, person: { id: string, displayName: string } };

export type CrisisSharingQueryVariables = Exact<{ [key: string]: never; }>;


export type CrisisSharingQuery = { me: { id: string, consentsReceived: Array<{ id: string, scope: ConsentScope, grantedAt: string, owner: { id: string, displayName: string } }> | null, consents: Array<{ id: string, scope: ConsentScope, grantedAt: string, grantee: { id: string, displayName: string } }> | null } | null };

export type PastCrisisAlertsQueryVariables = Exact<{
  userId: string | number;
  first: number;
}>;


export type PastCrisisAlertsQuery = { user: { id: string, safetyEvents: Array<{ id: string, level: SafetyLevel, subject: string, locale: string, createdAt: string, person: { id: string, displayName: string } }> | null } | null };

export type CrisisAlertsSubscriptionVariables = Exact<{
  userId: string | number;
}>;


export type CrisisAlertsSubscription = { crisisAlerts: { id: string, level: SafetyLevel, subject: string, locale: string, createdAt: string, person: { id: string, displayName: string } } };

export type ShareCrisisAlertsMutationVariables = Exact<{
  granteeEmail: string;
}>;


export type ShareCrisisAlertsMutation = { grantConsent: { id: string } };

export type StopSharingMutationVariables = Exact<{
  id: string | number;
}>;


export type StopSharingMutation = { revokeConsent: { id: string } };

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

export type EditorSceneFragment = { id: string, name: string, text: string, tags: Array<string>, position: string | null, isEnding: boolean, order: number, choices: Array<{ id: string, text: string, targetName: string, kind: string, order: number, condition: string | null, recommendWhen: string | null, effects: string | null }> };

export type EditorValidationFragment = { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> };

export type EditorChangeFragment = { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } };

export type EditorStoryQueryVariables = Exact<{
  id: string | number;
}>;


export type EditorStoryQuery = { story: { id: string, title: string, status: StoryStatus, version: number, startSceneName: string | null, authorIds: Array<string>, scenes: Array<{ id: string, name: string, text: string, tags: Array<string>, position: string | null, isEnding: boolean, order: number, choices: Array<{ id: string, text: string, targetName: string, kind: string, order: number, condition: string | null, recommendWhen: string | null, effects: string | null }> }> } | null };

export type EditorTouchedScenesQueryVariables = Exact<{
  id: string | number;
  sceneIds: Array<string | number> | string | number;
}>;


export type EditorTouchedScenesQuery = { story: { id: string, title: string, status: StoryStatus, version: number, startSceneName: string | null, scenes: Array<{ id: string, name: string, text: string, tags: Array<string>, position: string | null, isEnding: boolean, order: number, choices: Array<{ id: string, text: string, targetName: string, kind: string, order: number, condition: string | null, recommendWhen: string | null, effects: string | null }> }> } | null };

export type EditorValidateQueryVariables = Exact<{
  id: string | number;
}>;


export type EditorValidateQuery = { validateStory: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } };

export type EditorHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type EditorHistoryQuery = { storyHistory: Array<{ seq: number, kind: string, at: string, undone: boolean, authorId: string, sceneIds: Array<string> }>, storyVersions: Array<{ number: number, storyVersion: number, publishedAt: string, title: string, sceneCount: number }> };

export type StoryChangedSubscriptionVariables = Exact<{
  storyId: string | number;
}>;


export type StoryChangedSubscription = { storyChanged: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } };

export type AddSceneMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
  name: string;
  text?: string | null | undefined;
  position?: string | null | undefined;
}>;


export type AddSceneMutation = { addScene: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } };

export type EditSceneMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
  sceneId: string | number;
  name?: string | null | undefined;
  text?: string | null | undefined;
  tags?: Array<string> | string | null | undefined;
  isEnding?: boolean | null | undefined;
}>;


export type EditSceneMutation = { editScene: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } };

export type DeleteSceneMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
  sceneId: string | number;
}>;


export type DeleteSceneMutation = { deleteScene: { change: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } } };

export type MoveScenesMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
  positions: Array<ScenePositionInput> | ScenePositionInput;
}>;


export type MoveScenesMutation = { moveScenes: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } };

export type SetStartSceneMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
  sceneId: string | number;
}>;


export type SetStartSceneMutation = { setStartScene: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } };

export type SetChoiceRuleMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
  choiceId: string | number;
  condition?: string | null | undefined;
  recommendWhen?: string | null | undefined;
  effects?: string | null | undefined;
}>;


export type SetChoiceRuleMutation = { setChoiceRule: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } };

export type UndoEditMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
}>;


export type UndoEditMutation = { undo: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } };

export type RedoEditMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
}>;


export type RedoEditMutation = { redo: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } };

export type PublishStoryMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
}>;


export type PublishStoryMutation = { publishStory: { number: number, storyVersion: number } };

export type RestoreVersionMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
  version: number;
}>;


export type RestoreVersionMutation = { restoreVersion: { storyId: string, version: number, kind: string, sceneIds: Array<string>, authorId: string, validation: { missingStart: boolean, brokenLinks: Array<{ sceneId: string, target: string }>, unreachable: Array<{ id: string }>, deadEnds: Array<{ id: string }>, trappedCycles: Array<{ sceneIds: Array<string>, sceneNames: Array<string> }>, undefinedVariables: Array<{ sceneId: string, variable: string }> } } };

export type MyStoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyStoriesQuery = { myStories: Array<{ id: string, title: string, summary: string, status: StoryStatus, version: number }> };

export type PublishedStoriesQueryVariables = Exact<{
  where: StoryWhere;
  limit: number;
}>;


export type PublishedStoriesQuery = { stories: Array<{ id: string, title: string, summary: string, language: string }> };

export type CreateStoryMutationVariables = Exact<{
  title: string;
  summary?: string | null | undefined;
}>;


export type CreateStoryMutation = { createStory: { id: string, title: string } };

export type ImportStoryMutationVariables = Exact<{
  format: StoryFormat;
  source: string;
}>;


export type ImportStoryMutation = { importStory: { id: string, title: string } };

export type ExportStoryQueryVariables = Exact<{
  storyId: string | number;
  format: StoryFormat;
}>;


export type ExportStoryQuery = { exportStory: string };

export type DeleteStoryMutationVariables = Exact<{
  storyId: string | number;
  expectedVersion: number;
}>;


export type DeleteStoryMutation = { deleteStory: boolean };

export type PlaythroughFieldsFragment = { id: string, storyId: string, finished: boolean, recommendedChoiceId: string | null, currentScene: { id: string, name: string, text: string, isEnding: boolean } | null, availableChoices: Array<{ id: string, text: string, kind: string }>, variables: Array<{ name: string, value: number }>, history: Array<{ sceneId: string, sceneName: string, at: string }> };

export type PlayerStoryQueryVariables = Exact<{
  storyId: string | number;
}>;


export type PlayerStoryQuery = { story: { id: string, title: string, status: StoryStatus } | null, myStories: Array<{ id: string }> };

export type ReadPlaythroughQueryVariables = Exact<{
  id: string | number;
}>;


export type ReadPlaythroughQuery = { playthrough: { id: string, storyId: string, finished: boolean, recommendedChoiceId: string | null, currentScene: { id: string, name: string, text: string, isEnding: boolean } | null, availableChoices: Array<{ id: string, text: string, kind: string }>, variables: Array<{ name: string, value: number }>, history: Array<{ sceneId: string, sceneName: string, at: string }> } };

export type StartPlaythroughMutationVariables = Exact<{
  storyId: string | number;
}>;


export type StartPlaythroughMutation = { startPlaythrough: { id: string, storyId: string, finished: boolean, recommendedChoiceId: string | null, currentScene: { id: string, name: string, text: string, isEnding: boolean } | null, availableChoices: Array<{ id: string, text: string, kind: string }>, variables: Array<{ name: string, value: number }>, history: Array<{ sceneId: string, sceneName: string, at: string }> } };

export type ChooseMutationVariables = Exact<{
  playthroughId: string | number;
  choiceId: string | number;
}>;


export type ChooseMutation = { choose: { id: string, storyId: string, finished: boolean, recommendedChoiceId: string | null, currentScene: { id: string, name: string, text: string, isEnding: boolean } | null, availableChoices: Array<{ id: string, text: string, kind: string }>, variables: Array<{ name: string, value: number }>, history: Array<{ sceneId: string, sceneName: string, at: string }> } };

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
export const CrisisAlertFieldsFragmentDoc = new TypedDocumentString(`
    fragment CrisisAlertFields on SafetyEvent {
  id
  level
  subject
  locale
  createdAt
  person {
    id
    displayName
  }
}
    `, {"fragmentName":"CrisisAlertFields"}) as unknown as TypedDocumentString<CrisisAlertFieldsFragment, unknown>;
export const EditorSceneFragmentDoc = new TypedDocumentString(`
    fragment EditorScene on Scene {
  id
  name
  text
  tags
  position
  isEnding
  order
  choices {
    id
    text
    targetName
    kind
    order
    condition
    recommendWhen
    effects
  }
}
    `, {"fragmentName":"EditorScene"}) as unknown as TypedDocumentString<EditorSceneFragment, unknown>;
export const EditorValidationFragmentDoc = new TypedDocumentString(`
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
    `, {"fragmentName":"EditorValidation"}) as unknown as TypedDocumentString<EditorValidationFragment, unknown>;
export const EditorChangeFragmentDoc = new TypedDocumentString(`
    fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}`, {"fragmentName":"EditorChange"}) as unknown as TypedDocumentString<EditorChangeFragment, unknown>;
export const PlaythroughFieldsFragmentDoc = new TypedDocumentString(`
    fragment PlaythroughFields on Playthrough {
  id
  storyId
  finished
  recommendedChoiceId
  currentScene {
    id
    name
    text
    isEnding
  }
  availableChoices {
    id
    text
    kind
  }
  variables {
    name
    value
  }
  history {
    sceneId
    sceneName
    at
  }
}
    `, {"fragmentName":"PlaythroughFields"}) as unknown as TypedDocumentString<PlaythroughFieldsFragment, unknown>;
export const CrisisSharingDocument = new TypedDocumentString(`
    query CrisisSharing {
  me {
    id
    consentsReceived {
      id
      scope
      grantedAt
      owner {
        id
        displayName
      }
    }
    consents {
      id
      scope
      grantedAt
      grantee {
        id
        displayName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CrisisSharingQuery, CrisisSharingQueryVariables>;
export const PastCrisisAlertsDocument = new TypedDocumentString(`
    query PastCrisisAlerts($userId: ID!, $first: Int!) {
  user(id: $userId) {
    id
    safetyEvents(first: $first) {
      ...CrisisAlertFields
    }
  }
}
    fragment CrisisAlertFields on SafetyEvent {
  id
  level
  subject
  locale
  createdAt
  person {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<PastCrisisAlertsQuery, PastCrisisAlertsQueryVariables>;
export const CrisisAlertsDocument = new TypedDocumentString(`
    subscription CrisisAlerts($userId: ID!) {
  crisisAlerts(userId: $userId) {
    ...CrisisAlertFields
  }
}
    fragment CrisisAlertFields on SafetyEvent {
  id
  level
  subject
  locale
  createdAt
  person {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<CrisisAlertsSubscription, CrisisAlertsSubscriptionVariables>;
export const ShareCrisisAlertsDocument = new TypedDocumentString(`
    mutation ShareCrisisAlerts($granteeEmail: String!) {
  grantConsent(scope: CRISIS_ALERTS, granteeEmail: $granteeEmail) {
    id
  }
}
    `) as unknown as TypedDocumentString<ShareCrisisAlertsMutation, ShareCrisisAlertsMutationVariables>;
export const StopSharingDocument = new TypedDocumentString(`
    mutation StopSharing($id: ID!) {
  revokeConsent(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<StopSharingMutation, StopSharingMutationVariables>;
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
export const EditorStoryDocument = new TypedDocumentString(`
    query EditorStory($id: ID!) {
  story(id: $id) {
    id
    title
    status
    version
    startSceneName
    authorIds
    scenes {
      ...EditorScene
    }
  }
}
    fragment EditorScene on Scene {
  id
  name
  text
  tags
  position
  isEnding
  order
  choices {
    id
    text
    targetName
    kind
    order
    condition
    recommendWhen
    effects
  }
}`) as unknown as TypedDocumentString<EditorStoryQuery, EditorStoryQueryVariables>;
export const EditorTouchedScenesDocument = new TypedDocumentString(`
    query EditorTouchedScenes($id: ID!, $sceneIds: [ID!]!) {
  story(id: $id) {
    id
    title
    status
    version
    startSceneName
    scenes(where: {id: {in: $sceneIds}}) {
      ...EditorScene
    }
  }
}
    fragment EditorScene on Scene {
  id
  name
  text
  tags
  position
  isEnding
  order
  choices {
    id
    text
    targetName
    kind
    order
    condition
    recommendWhen
    effects
  }
}`) as unknown as TypedDocumentString<EditorTouchedScenesQuery, EditorTouchedScenesQueryVariables>;
export const EditorValidateDocument = new TypedDocumentString(`
    query EditorValidate($id: ID!) {
  validateStory(storyId: $id) {
    ...EditorValidation
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}`) as unknown as TypedDocumentString<EditorValidateQuery, EditorValidateQueryVariables>;
export const EditorHistoryDocument = new TypedDocumentString(`
    query EditorHistory($id: ID!) {
  storyHistory(storyId: $id) {
    seq
    kind
    at
    undone
    authorId
    sceneIds
  }
  storyVersions(storyId: $id) {
    number
    storyVersion
    publishedAt
    title
    sceneCount
  }
}
    `) as unknown as TypedDocumentString<EditorHistoryQuery, EditorHistoryQueryVariables>;
export const StoryChangedDocument = new TypedDocumentString(`
    subscription StoryChanged($storyId: ID!) {
  storyChanged(storyId: $storyId) {
    ...EditorChange
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<StoryChangedSubscription, StoryChangedSubscriptionVariables>;
export const AddSceneDocument = new TypedDocumentString(`
    mutation AddScene($storyId: ID!, $expectedVersion: Int!, $name: String!, $text: String, $position: String) {
  addScene(
    storyId: $storyId
    expectedVersion: $expectedVersion
    name: $name
    text: $text
    position: $position
  ) {
    ...EditorChange
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<AddSceneMutation, AddSceneMutationVariables>;
export const EditSceneDocument = new TypedDocumentString(`
    mutation EditScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!, $name: String, $text: String, $tags: [String!], $isEnding: Boolean) {
  editScene(
    storyId: $storyId
    expectedVersion: $expectedVersion
    sceneId: $sceneId
    name: $name
    text: $text
    tags: $tags
    isEnding: $isEnding
  ) {
    ...EditorChange
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<EditSceneMutation, EditSceneMutationVariables>;
export const DeleteSceneDocument = new TypedDocumentString(`
    mutation DeleteScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {
  deleteScene(
    storyId: $storyId
    expectedVersion: $expectedVersion
    sceneId: $sceneId
  ) {
    change {
      ...EditorChange
    }
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<DeleteSceneMutation, DeleteSceneMutationVariables>;
export const MoveScenesDocument = new TypedDocumentString(`
    mutation MoveScenes($storyId: ID!, $expectedVersion: Int!, $positions: [ScenePositionInput!]!) {
  moveScenes(
    storyId: $storyId
    expectedVersion: $expectedVersion
    positions: $positions
  ) {
    ...EditorChange
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<MoveScenesMutation, MoveScenesMutationVariables>;
export const SetStartSceneDocument = new TypedDocumentString(`
    mutation SetStartScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {
  setStartScene(
    storyId: $storyId
    expectedVersion: $expectedVersion
    sceneId: $sceneId
  ) {
    ...EditorChange
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<SetStartSceneMutation, SetStartSceneMutationVariables>;
export const SetChoiceRuleDocument = new TypedDocumentString(`
    mutation SetChoiceRule($storyId: ID!, $expectedVersion: Int!, $choiceId: ID!, $condition: String, $recommendWhen: String, $effects: String) {
  setChoiceRule(
    storyId: $storyId
    expectedVersion: $expectedVersion
    choiceId: $choiceId
    condition: $condition
    recommendWhen: $recommendWhen
    effects: $effects
  ) {
    ...EditorChange
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<SetChoiceRuleMutation, SetChoiceRuleMutationVariables>;
export const UndoEditDocument = new TypedDocumentString(`
    mutation UndoEdit($storyId: ID!, $expectedVersion: Int!) {
  undo(storyId: $storyId, expectedVersion: $expectedVersion) {
    ...EditorChange
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<UndoEditMutation, UndoEditMutationVariables>;
export const RedoEditDocument = new TypedDocumentString(`
    mutation RedoEdit($storyId: ID!, $expectedVersion: Int!) {
  redo(storyId: $storyId, expectedVersion: $expectedVersion) {
    ...EditorChange
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<RedoEditMutation, RedoEditMutationVariables>;
export const PublishStoryDocument = new TypedDocumentString(`
    mutation PublishStory($storyId: ID!, $expectedVersion: Int!) {
  publishStory(storyId: $storyId, expectedVersion: $expectedVersion) {
    number
    storyVersion
  }
}
    `) as unknown as TypedDocumentString<PublishStoryMutation, PublishStoryMutationVariables>;
export const RestoreVersionDocument = new TypedDocumentString(`
    mutation RestoreVersion($storyId: ID!, $expectedVersion: Int!, $version: Int!) {
  restoreVersion(
    storyId: $storyId
    expectedVersion: $expectedVersion
    version: $version
  ) {
    ...EditorChange
  }
}
    fragment EditorValidation on StoryValidation {
  brokenLinks {
    sceneId
    target
  }
  unreachable {
    id
  }
  deadEnds {
    id
  }
  trappedCycles {
    sceneIds
    sceneNames
  }
  undefinedVariables {
    sceneId
    variable
  }
  missingStart
}
fragment EditorChange on StoryChange {
  storyId
  version
  kind
  sceneIds
  authorId
  validation {
    ...EditorValidation
  }
}`) as unknown as TypedDocumentString<RestoreVersionMutation, RestoreVersionMutationVariables>;
export const MyStoriesDocument = new TypedDocumentString(`
    query MyStories {
  myStories {
    id
    title
    summary
    status
    version
  }
}
    `) as unknown as TypedDocumentString<MyStoriesQuery, MyStoriesQueryVariables>;
export const PublishedStoriesDocument = new TypedDocumentString(`
    query PublishedStories($where: StoryWhere!, $limit: Int!) {
  stories(where: $where, limit: $limit, sort: [{title: ASC}]) {
    id
    title
    summary
    language
  }
}
    `) as unknown as TypedDocumentString<PublishedStoriesQuery, PublishedStoriesQueryVariables>;
export const CreateStoryDocument = new TypedDocumentString(`
    mutation CreateStory($title: String!, $summary: String) {
  createStory(title: $title, summary: $summary) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<CreateStoryMutation, CreateStoryMutationVariables>;
export const ImportStoryDocument = new TypedDocumentString(`
    mutation ImportStory($format: StoryFormat!, $source: String!) {
  importStory(format: $format, source: $source) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<ImportStoryMutation, ImportStoryMutationVariables>;
export const ExportStoryDocument = new TypedDocumentString(`
    query ExportStory($storyId: ID!, $format: StoryFormat!) {
  exportStory(storyId: $storyId, format: $format)
}
    `) as unknown as TypedDocumentString<ExportStoryQuery, ExportStoryQueryVariables>;
export const DeleteStoryDocument = new TypedDocumentString(`
    mutation DeleteStory($storyId: ID!, $expectedVersion: Int!) {
  deleteStory(storyId: $storyId, expectedVersion: $expectedVersion)
}
    `) as unknown as TypedDocumentString<DeleteStoryMutation, DeleteStoryMutationVariables>;
export const PlayerStoryDocument = new TypedDocumentString(`
    query PlayerStory($storyId: ID!) {
  story(id: $storyId) {
    id
    title
    status
  }
  myStories {
    id
  }
}
    `) as unknown as TypedDocumentString<PlayerStoryQuery, PlayerStoryQueryVariables>;
export const ReadPlaythroughDocument = new TypedDocumentString(`
    query ReadPlaythrough($id: ID!) {
  playthrough(id: $id) {
    ...PlaythroughFields
  }
}
    fragment PlaythroughFields on Playthrough {
  id
  storyId
  finished
  recommendedChoiceId
  currentScene {
    id
    name
    text
    isEnding
  }
  availableChoices {
    id
    text
    kind
  }
  variables {
    name
    value
  }
  history {
    sceneId
    sceneName
    at
  }
}`) as unknown as TypedDocumentString<ReadPlaythroughQuery, ReadPlaythroughQueryVariables>;
export const StartPlaythroughDocument = new TypedDocumentString(`
    mutation StartPlaythrough($storyId: ID!) {
  startPlaythrough(storyId: $storyId) {
    ...PlaythroughFields
  }
}
    fragment PlaythroughFields on Playthrough {
  id
  storyId
  finished
  recommendedChoiceId
  currentScene {
    id
    name
    text
    isEnding
  }
  availableChoices {
    id
    text
    kind
  }
  variables {
    name
    value
  }
  history {
    sceneId
    sceneName
    at
  }
}`) as unknown as TypedDocumentString<StartPlaythroughMutation, StartPlaythroughMutationVariables>;
export const ChooseDocument = new TypedDocumentString(`
    mutation Choose($playthroughId: ID!, $choiceId: ID!) {
  choose(playthroughId: $playthroughId, choiceId: $choiceId) {
    ...PlaythroughFields
  }
}
    fragment PlaythroughFields on Playthrough {
  id
  storyId
  finished
  recommendedChoiceId
  currentScene {
    id
    name
    text
    isEnding
  }
  availableChoices {
    id
    text
    kind
  }
  variables {
    name
    value
  }
  history {
    sceneId
    sceneName
    at
  }
}`) as unknown as TypedDocumentString<ChooseMutation, ChooseMutationVariables>;