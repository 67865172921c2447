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
    "\n  fragment CrisisAlertFields on SafetyEvent {\n    id\n    level\n    subject\n    locale\n    createdAt\n    person {\n      id\n      displayName\n    }\n  }\n": typeof types.CrisisAlertFieldsFragmentDoc,
    "\n  query CrisisSharing {\n    me {\n      id\n      consentsReceived {\n        id\n        scope\n        grantedAt\n        owner {\n          id\n          displayName\n        }\n      }\n      consents {\n        id\n        scope\n        grantedAt\n        grantee {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.CrisisSharingDocument,
    "\n  query PastCrisisAlerts($userId: ID!, $first: Int!) {\n    user(id: $userId) {\n      id\n      safetyEvents(first: $first) {\n        ...CrisisAlertFields\n      }\n    }\n  }\n": typeof types.PastCrisisAlertsDocument,
    "\n  subscription CrisisAlerts($userId: ID!) {\n    crisisAlerts(userId: $userId) {\n      ...CrisisAlertFields\n    }\n  }\n": typeof types.CrisisAlertsDocument,
    "\n  mutation ShareCrisisAlerts($granteeEmail: String!) {\n    grantConsent(scope: CRISIS_ALERTS, granteeEmail: $granteeEmail) {\n      id\n    }\n  }\n": typeof types.ShareCrisisAlertsDocument,
    "\n  mutation StopSharing($id: ID!) {\n    revokeConsent(id: $id) {\n      id\n    }\n  }\n": typeof types.StopSharingDocument,
    "\n  subscription StateChanged($userId: ID) {\n    stateChanged(userId: $userId) {\n      heartRate\n      stress\n      coherence\n      breathingRate\n      label\n      confidence\n      updatedAt\n      hrv {\n        rmssd\n        sdnn\n      }\n    }\n  }\n": typeof types.StateChangedDocument,
    "\n  subscription EmotionRecorded($userId: ID) {\n    emotionRecorded(userId: $userId) {\n      id\n      valence\n      arousal\n      createdAt\n      labels {\n        label\n        score\n      }\n    }\n  }\n": typeof types.EmotionRecordedDocument,
    "\n  mutation RegisterBrowserDevice($name: String!) {\n    registerDevice(kind: BROWSER, name: $name) {\n      device {\n        id\n      }\n    }\n  }\n": typeof types.RegisterBrowserDeviceDocument,
    "\n  query MyDevices {\n    me {\n      id\n      devices {\n        id\n        kind\n        name\n      }\n    }\n  }\n": typeof types.MyDevicesDocument,
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
    "\n  fragment EditorScene on Scene {\n    id\n    name\n    text\n    tags\n    position\n    isEnding\n    order\n    choices {\n      id\n      text\n      targetName\n      kind\n      order\n      condition\n      recommendWhen\n      effects\n    }\n  }\n": typeof types.EditorSceneFragmentDoc,
    "\n  fragment EditorValidation on StoryValidation {\n    brokenLinks {\n      sceneId\n      target\n    }\n    unreachable {\n      id\n    }\n    deadEnds {\n      id\n    }\n    trappedCycles {\n      sceneIds\n      sceneNames\n    }\n    undefinedVariables {\n      sceneId\n      variable\n    }\n    missingStart\n  }\n": typeof types.EditorValidationFragmentDoc,
    "\n  fragment EditorChange on StoryChange {\n    storyId\n    version\n    kind\n    sceneIds\n    authorId\n    validation {\n      ...EditorValidation\n    }\n  }\n": typeof types.EditorChangeFragmentDoc,
    "\n  query EditorStory($id: ID!) {\n    story(id: $id) {\n      id\n      title\n      status\n      version\n      startSceneName\n      authorIds\n      scenes {\n        ...EditorScene\n      }\n    }\n  }\n": typeof types.EditorStoryDocument,
    "\n  query EditorTouchedScenes($id: ID!, $sceneIds: [ID!]!) {\n    story(id: $id) {\n      id\n      title\n      status\n      version\n      startSceneName\n      scenes(where: { id: { in: $sceneIds } }) {\n        ...EditorScene\n      }\n    }\n  }\n": typeof types.EditorTouchedScenesDocument,
    "\n  query EditorValidate($id: ID!) {\n    validateStory(storyId: $id) {\n      ...EditorValidation\n    }\n  }\n": typeof types.EditorValidateDocument,
    "\n  query EditorHistory($id: ID!) {\n    storyHistory(storyId: $id) {\n      seq\n      kind\n      at\n      undone\n      authorId\n      sceneIds\n    }\n    storyVersions(storyId: $id) {\n      number\n      storyVersion\n      publishedAt\n      title\n      sceneCount\n    }\n  }\n": typeof types.EditorHistoryDocument,
    "\n  subscription StoryChanged($storyId: ID!) {\n    storyChanged(storyId: $storyId) {\n      ...EditorChange\n    }\n  }\n": typeof types.StoryChangedDocument,
    "\n  mutation AddScene(\n    $storyId: ID!\n    $expectedVersion: Int!\n    $name: String!\n    $text: String\n    $position: String\n  ) {\n    addScene(\n      storyId: $storyId\n      expectedVersion: $expectedVersion\n      name: $name\n      text: $text\n      position: $position\n    ) {\n      ...EditorChange\n    }\n  }\n": typeof types.AddSceneDocument,
    "\n  mutation EditScene(\n    $storyId: ID!\n    $expectedVersion: Int!\n    $sceneId: ID!\n    $name: String\n    $text: String\n    $tags: [String!]\n    $isEnding: Boolean\n  ) {\n    editScene(\n      storyId: $storyId\n      expectedVersion: $expectedVersion\n      sceneId: $sceneId\n      name: $name\n      text: $text\n      tags: $tags\n      isEnding: $isEnding\n    ) {\n      ...EditorChange\n    }\n  }\n": typeof types.EditSceneDocument,
    "\n  mutation DeleteScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {\n    deleteScene(storyId: $storyId, expectedVersion: $expectedVersion, sceneId: $sceneId) {\n      change {\n        ...EditorChange\n      }\n    }\n  }\n": typeof types.DeleteSceneDocument,
    "\n  mutation MoveScenes($storyId: ID!, $expectedVersion: Int!, $positions: [ScenePositionInput!]!) {\n    moveScenes(storyId: $storyId, expectedVersion: $expectedVersion, positions: $positions) {\n      ...EditorChange\n    }\n  }\n": typeof types.MoveScenesDocument,
    "\n  mutation SetStartScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {\n    setStartScene(storyId: $storyId, expectedVersion: $expectedVersion, sceneId: $sceneId) {\n      ...EditorChange\n    }\n  }\n": typeof types.SetStartSceneDocument,
    "\n  mutation SetChoiceRule(\n    $storyId: ID!\n    $expectedVersion: Int!\n    $choiceId: ID!\n    $condition: String\n    $recommendWhen: String\n    $effects: String\n  ) {\n    setChoiceRule(\n      storyId: $storyId\n      expectedVersion: $expectedVersion\n      choiceId: $choiceId\n      condition: $condition\n      recommendWhen: $recommendWhen\n      effects: $effects\n    ) {\n      ...EditorChange\n    }\n  }\n": typeof types.SetChoiceRuleDocument,
    "\n  mutation UndoEdit($storyId: ID!, $expectedVersion: Int!) {\n    undo(storyId: $storyId, expectedVersion: $expectedVersion) {\n      ...EditorChange\n    }\n  }\n": typeof types.UndoEditDocument,
    "\n  mutation RedoEdit($storyId: ID!, $expectedVersion: Int!) {\n    redo(storyId: $storyId, expectedVersion: $expectedVersion) {\n      ...EditorChange\n    }\n  }\n": typeof types.RedoEditDocument,
    "\n  mutation PublishStory($storyId: ID!, $expectedVersion: Int!) {\n    publishStory(storyId: $storyId, expectedVersion: $expectedVersion) {\n      number\n      storyVersion\n    }\n  }\n": typeof types.PublishStoryDocument,
    "\n  mutation RestoreVersion($storyId: ID!, $expectedVersion: Int!, $version: Int!) {\n    restoreVersion(storyId: $storyId, expectedVersion: $expectedVersion, version: $version) {\n      ...EditorChange\n    }\n  }\n": typeof types.RestoreVersionDocument,
    "\n  query MyStories {\n    myStories {\n      id\n      title\n      summary\n      status\n      version\n    }\n  }\n": typeof types.MyStoriesDocument,
    "\n  query PublishedStories($where: StoryWhere!, $limit: Int!) {\n    stories(where: $where, limit: $limit, sort: [{ title: ASC }]) {\n      id\n      title\n      summary\n      language\n    }\n  }\n": typeof types.PublishedStoriesDocument,
    "\n  mutation CreateStory($title: String!, $summary: String) {\n    createStory(title: $title, summary: $summary) {\n      id\n      title\n    }\n  }\n": typeof types.CreateStoryDocument,
    "\n  mutation ImportStory($format: StoryFormat!, $source: String!) {\n    importStory(format: $format, source: $source) {\n      id\n      title\n    }\n  }\n": typeof types.ImportStoryDocument,
    "\n  query ExportStory($storyId: ID!, $format: StoryFormat!) {\n    exportStory(storyId: $storyId, format: $format)\n  }\n": typeof types.ExportStoryDocument,
    "\n  mutation DeleteStory($storyId: ID!, $expectedVersion: Int!) {\n    deleteStory(storyId: $storyId, expectedVersion: $expectedVersion)\n  }\n": typeof types.DeleteStoryDocument,
    "\n  fragment PlaythroughFields on Playthrough {\n    id\n    storyId\n    finished\n    recommendedChoiceId\n    currentScene {\n      id\n      name\n      text\n      isEnding\n    }\n    availableChoices {\n      id\n      text\n      kind\n    }\n    variables {\n      name\n      value\n    }\n    history {\n      sceneId\n      sceneName\n      at\n    }\n  }\n": typeof types.PlaythroughFieldsFragmentDoc,
    "\n  query PlayerStory($storyId: ID!) {\n    story(id: $storyId) {\n      id\n      title\n      status\n    }\n    myStories {\n      id\n    }\n  }\n": typeof types.PlayerStoryDocument,
    "\n  query ReadPlaythrough($id: ID!) {\n    playthrough(id: $id) {\n      ...PlaythroughFields\n    }\n  }\n": typeof types.ReadPlaythroughDocument,
    "\n  mutation StartPlaythrough($storyId: ID!) {\n    startPlaythrough(storyId: $storyId) {\n      ...PlaythroughFields\n    }\n  }\n": typeof types.StartPlaythroughDocument,
    "\n  mutation Choose($playthroughId: ID!, $choiceId: ID!) {\n    choose(playthroughId: $playthroughId, choiceId: $choiceId) {\n      ...PlaythroughFields\n    }\n  }\n": typeof types.ChooseDocument,
};
const documents: Documents = {
    "\n  fragment CrisisAlertFields on SafetyEvent {\n    id\n    level\n    subject\n    locale\n    createdAt\n    person {\n      id\n      displayName\n    }\n  }\n": types.CrisisAlertFieldsFragmentDoc,
    "\n  query CrisisSharing {\n    me {\n      id\n      consentsReceived {\n        id\n        scope\n        grantedAt\n        owner {\n          id\n          displayName\n        }\n      }\n      consents {\n        id\n        scope\n        grantedAt\n        grantee {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.CrisisSharingDocument,
    "\n  query PastCrisisAlerts($userId: ID!, $first: Int!) {\n    user(id: $userId) {\n      id\n      safetyEvents(first: $first) {\n        ...CrisisAlertFields\n      }\n    }\n  }\n": types.PastCrisisAlertsDocument,
    "\n  subscription CrisisAlerts($userId: ID!) {\n    crisisAlerts(userId: $userId) {\n      ...CrisisAlertFields\n    }\n  }\n": types.CrisisAlertsDocument,
    "\n  mutation ShareCrisisAlerts($granteeEmail: String!) {\n    grantConsent(scope: CRISIS_ALERTS, granteeEmail: $granteeEmail) {\n      id\n    }\n  }\n": types.ShareCrisisAlertsDocument,
    "\n  mutation StopSharing($id: ID!) {\n    revokeConsent(id: $id) {\n      id\n    }\n  }\n": types.StopSharingDocument,
    "\n  subscription StateChanged($userId: ID) {\n    stateChanged(userId: $userId) {\n      heartRate\n      stress\n      coherence\n      breathingRate\n      label\n      confidence\n      updatedAt\n      hrv {\n        rmssd\n        sdnn\n      }\n    }\n  }\n": types.StateChangedDocument,
    "\n  subscription EmotionRecorded($userId: ID) {\n    emotionRecorded(userId: $userId) {\n      id\n      valence\n      arousal\n      createdAt\n      labels {\n        label\n        score\n      }\n    }\n  }\n": types.EmotionRecordedDocument,
    "\n  mutation RegisterBrowserDevice($name: String!) {\n    registerDevice(kind: BROWSER, name: $name) {\n      device {\n        id\n      }\n    }\n  }\n": types.RegisterBrowserDeviceDocument,
    "\n  query MyDevices {\n    me {\n      id\n      devices {\n        id\n        kind\n        name\n      }\n    }\n  }\n": types.MyDevicesDocument,
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
    "\n  fragment EditorScene on Scene {\n    id\n    name\n    text\n    tags\n    position\n    isEnding\n    order\n    choices {\n      id\n      text\n      targetName\n      kind\n      order\n      condition\n      recommendWhen\n      effects\n    }\n  }\n": types.EditorSceneFragmentDoc,
    "\n  fragment EditorValidation on StoryValidation {\n    brokenLinks {\n      sceneId\n      target\n    }\n    unreachable {\n      id\n    }\n    deadEnds {\n      id\n    }\n    trappedCycles {\n      sceneIds\n      sceneNames\n    }\n    undefinedVariables {\n      sceneId\n      variable\n    }\n    missingStart\n  }\n": types.EditorValidationFragmentDoc,
    "\n  fragment EditorChange on StoryChange {\n    storyId\n    version\n    kind\n    sceneIds\n    authorId\n    validation {\n      ...EditorValidation\n    }\n  }\n": types.EditorChangeFragmentDoc,
    "\n  query EditorStory($id: ID!) {\n    story(id: $id) {\n      id\n      title\n      status\n      version\n      startSceneName\n      authorIds\n      scenes {\n        ...EditorScene\n      }\n    }\n  }\n": types.EditorStoryDocument,
    "\n  query EditorTouchedScenes($id: ID!, $sceneIds: [ID!]!) {\n    story(id: $id) {\n      id\n      title\n      status\n      version\n      startSceneName\n      scenes(where: { id: { in: $sceneIds } }) {\n        ...EditorScene\n      }\n    }\n  }\n": types.EditorTouchedScenesDocument,
    "\n  query EditorValidate($id: ID!) {\n    validateStory(storyId: $id) {\n      ...EditorValidation\n    }\n  }\n": types.EditorValidateDocument,
    "\n  query EditorHistory($id: ID!) {\n    storyHistory(storyId: $id) {\n      seq\n      kind\n      at\n      undone\n      authorId\n      sceneIds\n    }\n    storyVersions(storyId: $id) {\n      number\n      storyVersion\n      publishedAt\n      title\n      sceneCount\n    }\n  }\n": types.EditorHistoryDocument,
    "\n  subscription StoryChanged($storyId: ID!) {\n    storyChanged(storyId: $storyId) {\n      ...EditorChange\n    }\n  }\n": types.StoryChangedDocument,
    "\n  mutation AddScene(\n    $storyId: ID!\n    $expectedVersion: Int!\n    $name: String!\n    $text: String\n    $position: String\n  ) {\n    addScene(\n      storyId: $storyId\n      expectedVersion: $expectedVersion\n      name: $name\n      text: $text\n      position: $position\n    ) {\n      ...EditorChange\n    }\n  }\n": types.AddSceneDocument,
    "\n  mutation EditScene(\n    $storyId: ID!\n    $expectedVersion: Int!\n    $sceneId: ID!\n    $name: String\n    $text: String\n    $tags: [String!]\n    $isEnding: Boolean\n  ) {\n    editScene(\n      storyId: $storyId\n      expectedVersion: $expectedVersion\n      sceneId: $sceneId\n      name: $name\n      text: $text\n      tags: $tags\n      isEnding: $isEnding\n    ) {\n      ...EditorChange\n    }\n  }\n": types.EditSceneDocument,
    "\n  mutation DeleteScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {\n    deleteScene(storyId: $storyId, expectedVersion: $expectedVersion, sceneId: $sceneId) {\n      change {\n        ...EditorChange\n      }\n    }\n  }\n": types.DeleteSceneDocument,
    "\n  mutation MoveScenes($storyId: ID!, $expectedVersion: Int!, $positions: [ScenePositionInput!]!) {\n    moveScenes(storyId: $storyId, expectedVersion: $expectedVersion, positions: $positions) {\n      ...EditorChange\n    }\n  }\n": types.MoveScenesDocument,
    "\n  mutation SetStartScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {\n    setStartScene(storyId: $storyId, expectedVersion: $expectedVersion, sceneId: $sceneId) {\n      ...EditorChange\n    }\n  }\n": types.SetStartSceneDocument,
    "\n  mutation SetChoiceRule(\n    $storyId: ID!\n    $expectedVersion: Int!\n    $choiceId: ID!\n    $condition: String\n    $recommendWhen: String\n    $effects: String\n  ) {\n    setChoiceRule(\n      storyId: $storyId\n      expectedVersion: $expectedVersion\n      choiceId: $choiceId\n      condition: $condition\n      recommendWhen: $recommendWhen\n      effects: $effects\n    ) {\n      ...EditorChange\n    }\n  }\n": types.SetChoiceRuleDocument,
    "\n  mutation UndoEdit($storyId: ID!, $expectedVersion: Int!) {\n    undo(storyId: $storyId, expectedVersion: $expectedVersion) {\n      ...EditorChange\n    }\n  }\n": types.UndoEditDocument,
    "\n  mutation RedoEdit($storyId: ID!, $expectedVersion: Int!) {\n    redo(storyId: $storyId, expectedVersion: $expectedVersion) {\n      ...EditorChange\n    }\n  }\n": types.RedoEditDocument,
    "\n  mutation PublishStory($storyId: ID!, $expectedVersion: Int!) {\n    publishStory(storyId: $storyId, expectedVersion: $expectedVersion) {\n      number\n      storyVersion\n    }\n  }\n": types.PublishStoryDocument,
    "\n  mutation RestoreVersion($storyId: ID!, $expectedVersion: Int!, $version: Int!) {\n    restoreVersion(storyId: $storyId, expectedVersion: $expectedVersion, version: $version) {\n      ...EditorChange\n    }\n  }\n": types.RestoreVersionDocument,
    "\n  query MyStories {\n    myStories {\n      id\n      title\n      summary\n      status\n      version\n    }\n  }\n": types.MyStoriesDocument,
    "\n  query PublishedStories($where: StoryWhere!, $limit: Int!) {\n    stories(where: $where, limit: $limit, sort: [{ title: ASC }]) {\n      id\n      title\n      summary\n      language\n    }\n  }\n": types.PublishedStoriesDocument,
    "\n  mutation CreateStory($title: String!, $summary: String) {\n    createStory(title: $title, summary: $summary) {\n      id\n      title\n    }\n  }\n": types.CreateStoryDocument,
    "\n  mutation ImportStory($format: StoryFormat!, $source: String!) {\n    importStory(format: $format, source: $source) {\n      id\n      title\n    }\n  }\n": types.ImportStoryDocument,
    "\n  query ExportStory($storyId: ID!, $format: StoryFormat!) {\n    exportStory(storyId: $storyId, format: $format)\n  }\n": types.ExportStoryDocument,
    "\n  mutation DeleteStory($storyId: ID!, $expectedVersion: Int!) {\n    deleteStory(storyId: $storyId, expectedVersion: $expectedVersion)\n  }\n": types.DeleteStoryDocument,
    "\n  fragment PlaythroughFields on Playthrough {\n    id\n    storyId\n    finished\n    recommendedChoiceId\n    currentScene {\n      id\n      name\n      text\n      isEnding\n    }\n    availableChoices {\n      id\n      text\n      kind\n    }\n    variables {\n      name\n      value\n    }\n    history {\n      sceneId\n      sceneName\n      at\n    }\n  }\n": types.PlaythroughFieldsFragmentDoc,
    "\n  query PlayerStory($storyId: ID!) {\n    story(id: $storyId) {\n      id\n      title\n      status\n    }\n    myStories {\n      id\n    }\n  }\n": types.PlayerStoryDocument,
    "\n  query ReadPlaythrough($id: ID!) {\n    playthrough(id: $id) {\n      ...PlaythroughFields\n    }\n  }\n": types.ReadPlaythroughDocument,
    "\n  mutation StartPlaythrough($storyId: ID!) {\n    startPlaythrough(storyId: $storyId) {\n      ...PlaythroughFields\n    }\n  }\n": types.StartPlaythroughDocument,
    "\n  mutation Choose($playthroughId: ID!, $choiceId: ID!) {\n    choose(playthroughId: $playthroughId, choiceId: $choiceId) {\n      ...PlaythroughFields\n    }\n  }\n": types.ChooseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CrisisAlertFields on SafetyEvent {\n    id\n    level\n    subject\n    locale\n    createdAt\n    person {\n      id\n      displayName\n    }\n  }\n"): typeof import('./graphql').CrisisAlertFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CrisisSharing {\n    me {\n      id\n      consentsReceived {\n        id\n        scope\n        grantedAt\n        owner {\n          id\n          displayName\n        }\n      }\n      consents {\n        id\n        scope\n        grantedAt\n        grantee {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CrisisSharingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PastCrisisAlerts($userId: ID!, $first: Int!) {\n    user(id: $userId) {\n      id\n      safetyEvents(first: $first) {\n        ...CrisisAlertFields\n      }\n    }\n  }\n"): typeof import('./graphql').PastCrisisAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CrisisAlerts($userId: ID!) {\n    crisisAlerts(userId: $userId) {\n      ...CrisisAlertFields\n    }\n  }\n"): typeof import('./graphql').CrisisAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareCrisisAlerts($granteeEmail: String!) {\n    grantConsent(scope: CRISIS_ALERTS, granteeEmail: $granteeEmail) {\n      id\n    }\n  }\n"): typeof import('./graphql').ShareCrisisAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopSharing($id: ID!) {\n    revokeConsent(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').StopSharingDocument;
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditorScene on Scene {\n    id\n    name\n    text\n    tags\n    position\n    isEnding\n    order\n    choices {\n      id\n      text\n      targetName\n      kind\n      order\n      condition\n      recommendWhen\n      effects\n    }\n  }\n"): typeof import('./graphql').EditorSceneFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditorValidation on StoryValidation {\n    brokenLinks {\n      sceneId\n      target\n    }\n    unreachable {\n      id\n    }\n    deadEnds {\n      id\n    }\n    trappedCycles {\n      sceneIds\n      sceneNames\n    }\n    undefinedVariables {\n      sceneId\n      variable\n    }\n    missingStart\n  }\n"): typeof import('./graphql').EditorValidationFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditorChange on StoryChange {\n    storyId\n    version\n    kind\n    sceneIds\n    authorId\n    validation {\n      ...EditorValidation\n    }\n  }\n"): typeof import('./graphql').EditorChangeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorStory($id: ID!) {\n    story(id: $id) {\n      id\n      title\n      status\n      version\n      startSceneName\n      authorIds\n      scenes {\n        ...EditorScene\n      }\n    }\n  }\n"): typeof import('./graphql').EditorStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorTouchedScenes($id: ID!, $sceneIds: [ID!]!) {\n    story(id: $id) {\n      id\n      title\n      status\n      version\n      startSceneName\n      scenes(where: { id: { in: $sceneIds } }) {\n        ...EditorScene\n      }\n    }\n  }\n"): typeof import('./graphql').EditorTouchedScenesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorValidate($id: ID!) {\n    validateStory(storyId: $id) {\n      ...EditorValidation\n    }\n  }\n"): typeof import('./graphql').EditorValidateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorHistory($id: ID!) {\n    storyHistory(storyId: $id) {\n      seq\n      kind\n      at\n      undone\n      authorId\n      sceneIds\n    }\n    storyVersions(storyId: $id) {\n      number\n      storyVersion\n      publishedAt\n      title\n      sceneCount\n    }\n  }\n"): typeof import('./graphql').EditorHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StoryChanged($storyId: ID!) {\n    storyChanged(storyId: $storyId) {\n      ...EditorChange\n    }\n  }\n"): typeof import('./graphql').StoryChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddScene(\n    $storyId: ID!\n    $expectedVersion: Int!\n    $name: String!\n    $text: String\n    $position: String\n  ) {\n    addScene(\n      storyId: $storyId\n      expectedVersion: $expectedVersion\n      name: $name\n      text: $text\n      position: $position\n    ) {\n      ...EditorChange\n    }\n  }\n"): typeof import('./graphql').AddSceneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditScene(\n    $storyId: ID!\n    $expectedVersion: Int!\n    $sceneId: ID!\n    $name: String\n    $text: String\n    $tags: [String!]\n    $isEnding: Boolean\n  ) {\n    editScene(\n      storyId: $storyId\n      expectedVersion: $expectedVersion\n      sceneId: $sceneId\n      name: $name\n      text: $text\n      tags: $tags\n      isEnding: $isEnding\n    ) {\n      ...EditorChange\n    }\n  }\n"): typeof import('./graphql').EditSceneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {\n    deleteScene(storyId: $storyId, expectedVersion: $expectedVersion, sceneId: $sceneId) {\n      change {\n        ...EditorChange\n      }\n    }\n  }\n"): typeof import('./graphql').DeleteSceneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveScenes($storyId: ID!, $expectedVersion: Int!, $positions: [ScenePositionInput!]!) {\n    moveScenes(storyId: $storyId, expectedVersion: $expectedVersion, positions: $positions) {\n      ...EditorChange\n    }\n  }\n"): typeof import('./graphql').MoveScenesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStartScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {\n    setStartScene(storyId: $storyId, expectedVersion: $expectedVersion, sceneId: $sceneId) {\n      ...EditorChange\n    }\n  }\n"): typeof import('./graphql').SetStartSceneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetChoiceRule(\n    $storyId: ID!\n    $expectedVersion: Int!\n    $choiceId: ID!\n    $condition: String\n    $recommendWhen: String\n    $effects: String\n  ) {\n    setChoiceRule(\n      storyId: $storyId\n      expectedVersion: $expectedVersion\n      choiceId: $choiceId\n      condition: $condition\n      recommendWhen: $recommendWhen\n      effects: $effects\n    ) {\n      ...EditorChange\n    }\n  }\n"): typeof import('./graphql').SetChoiceRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoEdit($storyId: ID!, $expectedVersion: Int!) {\n    undo(storyId: $storyId, expectedVersion: $expectedVersion) {\n      ...EditorChange\n    }\n  }\n"): typeof import('./graphql').UndoEditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedoEdit($storyId: ID!, $expectedVersion: Int!) {\n    redo(storyId: $storyId, expectedVersion: $expectedVersion) {\n      ...EditorChange\n    }\n  }\n"): typeof import('./graphql').RedoEditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishStory($storyId: ID!, $expectedVersion: Int!) {\n    publishStory(storyId: $storyId, expectedVersion: $expectedVersion) {\n      number\n      storyVersion\n    }\n  }\n"): typeof import('./graphql').PublishStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreVersion($storyId: ID!, $expectedVersion: Int!, $version: Int!) {\n    restoreVersion(storyId: $storyId, expectedVersion: $expectedVersion, version: $version) {\n      ...EditorChange\n    }\n  }\n"): typeof import('./graphql').RestoreVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyStories {\n    myStories {\n      id\n      title\n      summary\n      status\n      version\n    }\n  }\n"): typeof import('./graphql').MyStoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedStories($where: StoryWhere!, $limit: Int!) {\n    stories(where: $where, limit: $limit, sort: [{ title: ASC }]) {\n      id\n      title\n      summary\n      language\n    }\n  }\n"): typeof import('./graphql').PublishedStoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStory($title: String!, $summary: String) {\n    createStory(title: $title, summary: $summary) {\n      id\n      title\n    }\n  }\n"): typeof import('./graphql').CreateStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportStory($format: StoryFormat!, $source: String!) {\n    importStory(format: $format, source: $source) {\n      id\n      title\n    }\n  }\n"): typeof import('./graphql').ImportStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportStory($storyId: ID!, $format: StoryFormat!) {\n    exportStory(storyId: $storyId, format: $format)\n  }\n"): typeof import('./graphql').ExportStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStory($storyId: ID!, $expectedVersion: Int!) {\n    deleteStory(storyId: $storyId, expectedVersion: $expectedVersion)\n  }\n"): typeof import('./graphql').DeleteStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlaythroughFields on Playthrough {\n    id\n    storyId\n    finished\n    recommendedChoiceId\n    currentScene {\n      id\n      name\n      text\n      isEnding\n    }\n    availableChoices {\n      id\n      text\n      kind\n    }\n    variables {\n      name\n      value\n    }\n    history {\n      sceneId\n      sceneName\n      at\n    }\n  }\n"): typeof import('./graphql').PlaythroughFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlayerStory($storyId: ID!) {\n    story(id: $storyId) {\n      id\n      title\n      status\n    }\n    myStories {\n      id\n    }\n  }\n"): typeof import('./graphql').PlayerStoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadPlaythrough($id: ID!) {\n    playthrough(id: $id) {\n      ...PlaythroughFields\n    }\n  }\n"): typeof import('./graphql').ReadPlaythroughDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPlaythrough($storyId: ID!) {\n    startPlaythrough(storyId: $storyId) {\n      ...PlaythroughFields\n    }\n  }\n"): typeof import('./graphql').StartPlaythroughDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Choose($playthroughId: ID!, $choiceId: ID!) {\n    choose(playthroughId: $playthroughId, choiceId: $choiceId) {\n      ...PlaythroughFields\n    }\n  }\n"): typeof import('./graphql').ChooseDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
