// Every operation of the contract, gathered from the feature folders. The type makes a channel without an
// operation a compile error; test/main/api/registry.test.ts checks each declaration is complete.
import type { Channel } from '../../shared/contract';
import { annotationOperations } from '../annotations/operations';
import { archivesOperations } from '../archive/operations';
import { backupOperations } from '../backups/operations';
import { documentOperations } from '../documents/operations';
import { factOperations } from '../facts/operations';
import { libraryOperations } from '../library/operations';
import { searchOperations } from '../search/operations';
import { teamOperations } from '../team/operations';
import { translationOperations } from '../translations/operations';
import type { Operation } from './operation';

export const OPERATIONS: { readonly [C in Channel]: Operation<C> } = {
  ...documentOperations,
  ...annotationOperations,
  ...searchOperations,
  ...factOperations,
  ...translationOperations,
  ...backupOperations,
  ...libraryOperations,
  ...teamOperations,
  ...archivesOperations,
};

/** The operation a channel name stands for, if any (own properties only: `__proto__` is no channel). */
export function operationFor(
  operations: { readonly [C in Channel]: Operation<C> },
  channel: unknown,
): Operation<Channel> | undefined {
  if (typeof channel !== 'string' || !Object.prototype.hasOwnProperty.call(operations, channel)) return undefined;
  return operations[channel as Channel] as unknown as Operation<Channel>;
}
