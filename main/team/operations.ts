// Team sync: join a shared server, sync, review and resolve conflicts.
import type { TeamRequests } from '../../shared/team';
import { jsonOperation, type OperationTable } from '../api/operation';

export const teamOperations: OperationTable<keyof TeamRequests> = {
  'team.status': jsonOperation('team.status', (_, { archive }) => archive.team.status()),
  'team.join': jsonOperation('team.join', ({ server }, { archive }) => archive.team.join(server)),
  'team.leave': jsonOperation('team.leave', async (_, { archive }) => {
    await archive.team.leave();
    return archive.team.status();
  }),
  'team.sync': jsonOperation('team.sync', (_, { archive }) => archive.team.sync()),
  'team.conflicts': jsonOperation('team.conflicts', (_, { archive }) => archive.team.conflicts()),
  'team.resolve': jsonOperation('team.resolve', async ({ id, choice }, { archive }) => {
    await archive.team.resolve(id, choice);
    return { resolved: true };
  }),
};
