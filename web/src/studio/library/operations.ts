import { graphql } from '../../gql';

/** The story library (/stories): what it lists, and the whole-story mutations it sends. */

export const MyStories = graphql(`
  query MyStories {
    myStories {
      id
      title
      summary
      status
      version
    }
  }
`);

export const PublishedStories = graphql(`
  query PublishedStories($where: StoryWhere!, $limit: Int!) {
    stories(where: $where, limit: $limit, sort: [{ title: ASC }]) {
      id
      title
      summary
      language
    }
  }
`);

export const CreateStory = graphql(`
  mutation CreateStory($title: String!, $summary: String) {
    createStory(title: $title, summary: $summary) {
      id
      title
    }
  }
`);

export const ImportStory = graphql(`
  mutation ImportStory($format: StoryFormat!, $source: String!) {
    importStory(format: $format, source: $source) {
      id
      title
    }
  }
`);

export const ExportStory = graphql(`
  query ExportStory($storyId: ID!, $format: StoryFormat!) {
    exportStory(storyId: $storyId, format: $format)
  }
`);

export const DeleteStory = graphql(`
  mutation DeleteStory($storyId: ID!, $expectedVersion: Int!) {
    deleteStory(storyId: $storyId, expectedVersion: $expectedVersion)
  }
`);
