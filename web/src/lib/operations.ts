import { graphql } from '../gql';

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

export const RecordBiometrics = graphql(`
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
`);

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
