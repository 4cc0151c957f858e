import { AppError } from './errors';

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** An object key as every storage adapter accepts it: path segments of safe characters, none `..`, at most 512 characters. */
export function checkedObjectKey(key: string): string {
  if (key.length > 512 || !SAFE_KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) throw new AppError('bad_request', 'object key must be path segments of letters, digits, dot, dash and underscore');
  return key;
}

/** A signed link's path and query under the instance's public origin. */
export const fileLinkOf = (publicUrl: string, pathAndQuery: string) => `${publicUrl.replace(/\/+$/, '')}${pathAndQuery}`;
