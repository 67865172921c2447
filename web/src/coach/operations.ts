import { graphql } from '../gql';

/** The coach view (/coach): alerts of the people who share them, and one's own sharing. */

export const CrisisAlertFields = graphql(`
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
`);

export const CrisisSharing = graphql(`
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
`);

export const PastCrisisAlerts = graphql(`
  query PastCrisisAlerts($userId: ID!, $first: Int!) {
    user(id: $userId) {
      id
      safetyEvents(first: $first) {
        ...CrisisAlertFields
      }
    }
  }
`);

export const CrisisAlerts = graphql(`
  subscription CrisisAlerts($userId: ID!) {
    crisisAlerts(userId: $userId) {
      ...CrisisAlertFields
    }
  }
`);

export const ShareCrisisAlerts = graphql(`
  mutation ShareCrisisAlerts($granteeEmail: String!) {
    grantConsent(scope: CRISIS_ALERTS, granteeEmail: $granteeEmail) {
      id
    }
  }
`);

export const StopSharing = graphql(`
  mutation StopSharing($id: ID!) {
    revokeConsent(id: $id) {
      id
    }
  }
`);
