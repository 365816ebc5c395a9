// The command line's commands, read off the operation registry: each operation declares its own command
// (main/<feature>/operations.ts); operations without one are reached as `tala call <channel> [JSON]`.
import type { Channel } from '../../shared/contract';
import { JSON_ONLY, type CliCommand } from '../api/operation';
import { OPERATIONS } from '../api/registry';

export interface CommandEntry {
  channel: Channel;
  command: CliCommand<Channel>;
}

/** Commands by name ('search', 'facts list'), in the registry's order. */
export const COMMANDS: ReadonlyMap<string, CommandEntry> = new Map(
  (Object.keys(OPERATIONS) as Channel[]).flatMap((channel) => {
    const cli = OPERATIONS[channel].cli;
    return cli === JSON_ONLY ? [] : [[cli.name, { channel, command: cli as unknown as CliCommand<Channel> }] as const];
  }),
);

/** Operations reached only through `tala call`. */
export const JSON_ONLY_CHANNELS: readonly Channel[] = (Object.keys(OPERATIONS) as Channel[]).filter(
  (channel) => OPERATIONS[channel].cli === JSON_ONLY,
);

/** Commands with a sub-command ('facts'): the first word of a two-word name. */
export const COMMAND_GROUPS: ReadonlySet<string> = new Set(
  [...COMMANDS.keys()].filter((name) => name.includes(' ')).map((name) => name.split(' ')[0]),
);
