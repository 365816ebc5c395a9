// Team channels onto the archive's TeamService. Validation already happened in dispatch().
import type { TalaApi } from '../../shared/contract';
import type { TeamRequests } from '../../shared/team';
import type { Archive } from '../archive/archive';

type TeamHandlers = Pick<TalaApi, keyof TeamRequests>;

export function teamHandlers(archive: Archive): TeamHandlers {
  const team = archive.team;
  return {
    'team.status': () => team.status(),
    'team.join': ({ server }) => team.join(server),
    'team.leave': async () => {
      await team.leave();
      return team.status();
    },
    'team.sync': () => team.sync(),
    'team.conflicts': () => team.conflicts(),
    'team.resolve': async ({ id, choice }) => {
      await team.resolve(id, choice);
      return { resolved: true };
    },
  };
}
