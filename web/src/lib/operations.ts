import {
  RECORD_BIOMETRICS,
  type RecordBiometricsAnswer,
  type RecordBiometricsVariables,
} from '@mindscape/biosignals';
import { graphql } from '../gql';
import { TypedDocumentString } from '../gql/graphql';

/** Every operation the web app sends: typed from the composed schema by graphql-codegen. */

export const StateChanged = graphql(`
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
`);

export const EmotionRecorded = graphql(`
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
`);

export const RegisterBrowserDevice = graphql(`
  mutation RegisterBrowserDevice($name: String!) {
    registerDevice(kind: BROWSER, name: $name) {
      device {
        id
      }
    }
  }
`);

export const MyDevices = graphql(`
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
`);

/**
 * The uplink's operation comes from its one home (biosignals/src/uplink.ts), shared with the
 * wearable, the tests and the benchmarks; typed there rather than by codegen, which reads only
 * `graphql()` calls with the text written out here.
 */
export const RecordBiometrics = new TypedDocumentString<
  RecordBiometricsAnswer,
  RecordBiometricsVariables
>(RECORD_BIOMETRICS);

export const RecordListeningSession = graphql(`
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
`);

export const People = graphql(`
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
`);

export const History = graphql(`
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
`);

export const Journal = graphql(`
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
`);

/* The companion (/companion). */

export const StartConversation = graphql(`
  mutation StartConversation {
    startConversation {
      id
    }
  }
`);

export const CompanionReply = graphql(`
  subscription CompanionReply($conversationId: ID!) {
    companionReply(conversationId: $conversationId) {
      conversationId
      messageId
      index
      delta
      done
    }
  }
`);

export const SendCompanionMessage = graphql(`
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
`);

export const MyMemories = graphql(`
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
`);

export const ForgetMemory = graphql(`
  mutation ForgetMemory($id: ID!) {
    forgetMemory(id: $id)
  }
`);

export const ForgetEverything = graphql(`
  mutation ForgetEverything {
    forgetEverything(confirm: true)
  }
`);

export const ExportMyMemories = graphql(`
  query ExportMyMemories {
    exportMyMemories
  }
`);

export const CompanionProfileQuery = graphql(`
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
`);

export const SetCompanionProfile = graphql(`
  mutation SetCompanionProfile($name: String, $style: String) {
    setCompanionProfile(name: $name, style: $style) {
      name
      style
      warmth
      turns
    }
  }
`);

export const ResetCompanionProfile = graphql(`
  mutation ResetCompanionProfile {
    resetCompanionProfile {
      name
      style
      warmth
      turns
    }
  }
`);
