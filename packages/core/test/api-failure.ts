import { expect } from '@open-wc/testing';
import { ApiError } from '../src/http/errors.js';

/** Awaits a call that must fail and returns its ApiError, for asserting kind and code. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}
