import { BadUserInputError } from '../errors';

/** The longest name a hook or an API key may have (their columns are 256 characters). */
export const MAX_NAME_LENGTH = 256;

/** A hook's or an API key's name: 1 to {@link MAX_NAME_LENGTH} characters after trimming; returned trimmed. */
export function validateName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_NAME_LENGTH) {
    throw new BadUserInputError(`name must be 1 to ${MAX_NAME_LENGTH} characters`, 'name');
  }
  return trimmed;
}
