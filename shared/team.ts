// Team archives: the types the renderer shows (status line, conflict review) and the team channels.
// Channel types and validators are spread into shared/contract.ts.
import { arrayOf, bool, matching, none, obj, oneOf, optional, type Validator } from './validate';

export interface TeamStatus {
  joined: boolean;
  /** The team database's address, without any password. */
  server: string | null;
  member: string | null;
  lastSyncAt: string | null;
  /** The last sync's error, in words (cleared by the next sync that works). */
  lastError: string | null;
  /** Changes made here that the team database does not have yet. */
  waiting: number;
  openConflicts: number;
  /** Why sync is paused (the archive is open read-only: nothing can be pulled into it); absent while it runs. */
  paused?: string;
}

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  waiting: number;
  /** Documents whose text or passages changed, for re-indexing. */
  changedDocuments: string[];
}

export type SyncConflictKind = 'edit' | 'delete-edit' | 'duplicate';

/** A version that lost to another (or a delete that met an edit), kept for the user to review. */
export interface SyncConflict {
  id: string;
  /** The shared table the row belongs to (annotations, facts, passages, …). */
  entity: string;
  rowKey: unknown[];
  kind: SyncConflictKind;
  /** Who wrote the version that is current now. */
  keptAuthor: string | null;
  /** Who wrote the other version (or the delete). */
  otherAuthor: string | null;
  otherOp: 'upsert' | 'delete';
  /** The other version's columns; null for a delete. */
  other: Record<string, unknown> | null;
  /** The same row as it is here now (null when it is gone). */
  current: Record<string, unknown> | null;
  detectedAt: string;
}

/** 'merge': only for the same entity made on two desktops (a duplicate of `entities`): merge the two into one. */
export const CONFLICT_CHOICES = ['keep-current', 'take-other', 'merge'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

/** A member made by `team init`: a PostgreSQL role that can push, or only pull. */
export interface TeamMemberSpec {
  name: string;
  readOnly?: boolean;
}

/** What `team init` did to the team database. */
export interface TeamInitReport {
  /** Schema version before and after (equal when it was already current). */
  from: number;
  to: number;
  members: TeamMemberSpec[];
}

export interface TeamRequests {
  'team.init': { server: string; members?: TeamMemberSpec[] };
  'team.status': void;
  'team.join': { server: string };
  'team.leave': void;
  'team.sync': void;
  'team.conflicts': void;
  'team.resolve': { id: string; choice: ConflictChoice };
}

export interface TeamResponses {
  'team.init': TeamInitReport;
  'team.status': TeamStatus;
  'team.join': TeamStatus;
  'team.leave': TeamStatus;
  'team.sync': SyncReport;
  'team.conflicts': SyncConflict[];
  'team.resolve': { resolved: true };
}

const SERVER = matching(/^postgres(ql)?:\/\/\S{1,2000}$/, 'a postgres:// address');
const CONFLICT_ID = matching(/^[0-9a-f-]{36}$/, 'a conflict id');
/** PostgreSQL role names as Tala makes them (the server checks again). */
const MEMBER_NAME = matching(/^[a-z_][a-z0-9_]{0,62}$/, 'a member name (lower-case letters, digits and _)');

export const teamRequestValidators: { [C in keyof TeamRequests]: Validator<TeamRequests[C]> } = {
  'team.init': obj({
    server: SERVER,
    members: optional(arrayOf(obj({ name: MEMBER_NAME, readOnly: optional(bool) }), { max: 500 })),
  }),
  'team.status': none,
  'team.join': obj({ server: SERVER }),
  'team.leave': none,
  'team.sync': none,
  'team.conflicts': none,
  'team.resolve': obj({ id: CONFLICT_ID, choice: oneOf(CONFLICT_CHOICES) }),
};
