import { badUserInput, hasControlCharacters } from '@mindscape/platform';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 10;
/** argon2 hashes whatever it is given; a cap keeps a megabyte "password" from costing CPU. */
export const PASSWORD_MAX = 256;
export const DISPLAY_NAME_MAX = 60;
export const EMAIL_MAX = 254;
export const DEVICE_NAME_MAX = 60;

const commonPasswords = new Set(dictionary['passwords-common'].map((p: string) => p.toLowerCase()));
// One @, no spaces or control characters, a dot in the domain: what mail servers will take.
const emailPattern = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;

/** Returns the normalized address (trimmed, lower-case) or throws BAD_USER_INPUT on `field`. */
export function normalizeEmail(value: string, field = 'email'): string {
  const email = value.trim().toLowerCase();
  if (email.length === 0 || email.length > EMAIL_MAX || !emailPattern.test(email)) {
    throw badUserInput(
      field,
      'That is not a valid email address.',
      `an address like name@example.com, at most ${EMAIL_MAX} characters`,
    );
  }
  return email;
}

export function checkNewPassword(password: string, field = 'password'): void {
  const allowed = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not a commonly used password`;
  if (password.length < PASSWORD_MIN) {
    throw badUserInput(
      field,
      `The password is too short: use at least ${PASSWORD_MIN} characters.`,
      allowed,
    );
  }
  if (password.length > PASSWORD_MAX) {
    throw badUserInput(
      field,
      `The password is too long: at most ${PASSWORD_MAX} characters.`,
      allowed,
    );
  }
  if (commonPasswords.has(password.toLowerCase())) {
    throw badUserInput(
      field,
      'That password is on lists of commonly used passwords; choose another.',
      allowed,
    );
  }
}

/** A password given to sign in: only bounded, so a huge one is refused before hashing. */
export function checkGivenPassword(password: string, field = 'password'): void {
  if (password.length === 0 || password.length > PASSWORD_MAX) {
    throw badUserInput(
      field,
      'The password is empty or too long.',
      `1 to ${PASSWORD_MAX} characters`,
    );
  }
}

/** A visible name (display name, device name): trimmed, 1..max characters, no control characters. */
export function normalizeName(value: string, field: string, max: number): string {
  const name = value.trim();
  const length = [...name].length;
  const allowed = `1 to ${max} characters, no control characters`;
  if (length === 0) throw badUserInput(field, `${label(field)} must not be empty.`, allowed);
  if (length > max)
    throw badUserInput(field, `${label(field)} is too long (${length} characters).`, allowed);
  if (hasControlCharacters(name))
    throw badUserInput(field, `${label(field)} contains control characters.`, allowed);
  return name;
}

const label = (field: string) =>
  field.charAt(0).toUpperCase() +
  field
    .slice(1)
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();
