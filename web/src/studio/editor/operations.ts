import { graphql } from '../../gql';

/** The story editor's operations: typed from the composed schema by graphql-codegen. */

export const EditorScene = graphql(`
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
`);

export const EditorValidation = graphql(`
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
`);

export const EditorChange = graphql(`
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
`);

export const EditorStory = graphql(`
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
`);

/** The story's header with only the scenes a change touched (absent ones were deleted). */
export const EditorTouchedScenes = graphql(`
  query EditorTouchedScenes($id: ID!, $sceneIds: [ID!]!) {
    story(id: $id) {
      id
      title
      status
      version
      startSceneName
      scenes(where: { id: { in: $sceneIds } }) {
        ...EditorScene
      }
    }
  }
`);

export const EditorValidate = graphql(`
  query EditorValidate($id: ID!) {
    validateStory(storyId: $id) {
      ...EditorValidation
    }
  }
`);

export const EditorHistory = graphql(`
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
`);

export const StoryChanged = graphql(`
  subscription StoryChanged($storyId: ID!) {
    storyChanged(storyId: $storyId) {
      ...EditorChange
    }
  }
`);

export const AddScene = graphql(`
  mutation AddScene(
    $storyId: ID!
    $expectedVersion: Int!
    $name: String!
    $text: String
    $position: String
  ) {
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
`);

export const EditScene = graphql(`
  mutation EditScene(
    $storyId: ID!
    $expectedVersion: Int!
    $sceneId: ID!
    $name: String
    $text: String
    $tags: [String!]
    $isEnding: Boolean
  ) {
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
`);

export const DeleteScene = graphql(`
  mutation DeleteScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {
    deleteScene(storyId: $storyId, expectedVersion: $expectedVersion, sceneId: $sceneId) {
      change {
        ...EditorChange
      }
    }
  }
`);

export const MoveScenes = graphql(`
  mutation MoveScenes($storyId: ID!, $expectedVersion: Int!, $positions: [ScenePositionInput!]!) {
    moveScenes(storyId: $storyId, expectedVersion: $expectedVersion, positions: $positions) {
      ...EditorChange
    }
  }
`);

export const SetStartScene = graphql(`
  mutation SetStartScene($storyId: ID!, $expectedVersion: Int!, $sceneId: ID!) {
    setStartScene(storyId: $storyId, expectedVersion: $expectedVersion, sceneId: $sceneId) {
      ...EditorChange
    }
  }
`);

export const SetChoiceRule = graphql(`
  mutation SetChoiceRule(
    $storyId: ID!
    $expectedVersion: Int!
    $choiceId: ID!
    $condition: String
    $recommendWhen: String
    $effects: String
  ) {
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
`);

export const UndoEdit = graphql(`
  mutation UndoEdit($storyId: ID!, $expectedVersion: Int!) {
    undo(storyId: $storyId, expectedVersion: $expectedVersion) {
      ...EditorChange
    }
  }
`);

export const RedoEdit = graphql(`
  mutation RedoEdit($storyId: ID!, $expectedVersion: Int!) {
    redo(storyId: $storyId, expectedVersion: $expectedVersion) {
      ...EditorChange
    }
  }
`);

export const PublishStory = graphql(`
  mutation PublishStory($storyId: ID!, $expectedVersion: Int!) {
    publishStory(storyId: $storyId, expectedVersion: $expectedVersion) {
      number
      storyVersion
    }
  }
`);

export const RestoreVersion = graphql(`
  mutation RestoreVersion($storyId: ID!, $expectedVersion: Int!, $version: Int!) {
    restoreVersion(storyId: $storyId, expectedVersion: $expectedVersion, version: $version) {
      ...EditorChange
    }
  }
`);
