import { accountResolvers } from './account.js';
import { consentResolvers } from './consent.js';
import { deviceResolvers } from './devices.js';
import { userResolvers } from './user.js';

const parts = [userResolvers, accountResolvers, deviceResolvers, consentResolvers];

/** Every resolver map merged type by type. */
export const resolvers = parts.reduce<Record<string, Record<string, unknown>>>((merged, part) => {
  for (const [type, fields] of Object.entries(part))
    merged[type] = { ...merged[type], ...(fields as object) };
  return merged;
}, {});
