import { graphql } from '../../gql';

/** The story player (/stories/[id]/play): a reader's playthrough and the story around it. */

export const PlaythroughFields = graphql(`
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
`);

export const PlayerStory = graphql(`
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
`);

export const ReadPlaythrough = graphql(`
  query ReadPlaythrough($id: ID!) {
    playthrough(id: $id) {
      ...PlaythroughFields
    }
  }
`);

export const StartPlaythrough = graphql(`
  mutation StartPlaythrough($storyId: ID!) {
    startPlaythrough(storyId: $storyId) {
      ...PlaythroughFields
    }
  }
`);

export const Choose = graphql(`
  mutation Choose($playthroughId: ID!, $choiceId: ID!) {
    choose(playthroughId: $playthroughId, choiceId: $choiceId) {
      ...PlaythroughFields
    }
  }
`);
