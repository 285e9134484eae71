import { expect } from 'vitest';
import { CorroborateError } from '../../src/index.js';

/** The CorroborateError `run` throws (failing the test when it throws anything else, or nothing). */
export function caught(run: () => unknown): CorroborateError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CorroborateError);
    return error as CorroborateError;
  }
  throw new Error('expected a CorroborateError');
}
