import { mergeResolvers } from '@mindscape/platform';
import { accountResolvers } from './account.js';
import { consentResolvers } from './consent.js';
import { deviceResolvers } from './devices.js';
import { userResolvers } from './user.js';

export const resolvers = mergeResolvers([
  userResolvers,
  accountResolvers,
  deviceResolvers,
  consentResolvers,
]);
