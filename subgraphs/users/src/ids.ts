import { badUserInput } from '@mindscape/platform';
import { Types } from 'mongoose';

/** Parses a client-given id; BAD_USER_INPUT on `field` for anything but a 24-digit hex id. */
export function parseId(value: string, field: string): Types.ObjectId {
  if (!/^[0-9a-f]{24}$/i.test(value))
    throw badUserInput(
      field,
      `"${value.slice(0, 40)}" is not a valid id.`,
      'a 24-character hexadecimal id',
    );
  return new Types.ObjectId(value);
}
