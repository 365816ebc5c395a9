// A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, listening only on a Unix socket in
// that folder, run as a non-root user (PostgreSQL refuses to run as root), stopped and removed afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  /** Superuser connection string (Unix socket, trust authentication inside the temporary folder). */
  adminUrl: string;
  /** Connection string for `user` on `database` (the socket trusts local users; passwords are not checked). */
  urlFor(user: string, database?: string, password?: string): string;
  /** Creates a fresh database and returns its name. */
  createDatabase(): Promise<string>;
  socketDir: string;
  port: number;
  stop(): void;
}

/** The folder of PostgreSQL's server programs, or null when the server is not installed. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found ? found.replace(/\/initdb$/, '') : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  if (!postgresBinDir())
    return 'PostgreSQL server programs (initdb, pg_ctl) are not installed: apt-get install postgresql';
  if (userInfo().uid === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return 'running as root and there is no "postgres" OS user to run the server as';
  }
  return null;
}

export function startPostgres(): TestPostgres {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresUnavailable() ?? 'PostgreSQL missing');
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'tala-pg-'));
  const data = join(dir, 'data');
  const superuser = 'tala_admin';
  // A port number only names the socket file; nothing listens on TCP.
  const port = 20000 + Math.floor(Math.random() * 20000);
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  chmodSync(dir, 0o700);
  const run = (program: string, args: string[]) => {
    const cmd = join(bin, program);
    const res = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
      : spawnSync(cmd, args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${program} failed (${res.status}): ${res.stderr || res.stdout}`);
  };
  run('initdb', ['-D', data, '-U', superuser, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const settings = [`listen_addresses = ''`, `unix_socket_directories = '${dir}'`, `port = ${port}`, 'fsync = off'];
  appendFileSync(join(data, 'postgresql.conf'), `\n${settings.join('\n')}\n`);
  // The member "dana_pw" must log in with a password; everyone else is trusted on the socket.
  const hba = readFileSync(join(data, 'pg_hba.conf'), 'utf8');
  writeFileSync(join(data, 'pg_hba.conf'), `local all dana_pw scram-sha-256\n${hba}`);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const enc = encodeURIComponent(dir);
  let stopped = false;
  let databases = 0;
  return {
    adminUrl: `postgres://${superuser}@${enc}:${port}/postgres`,
    urlFor: (user, database = 'postgres', password) => {
      const secret = password ? ':' + encodeURIComponent(password) : '';
      return `postgres://${encodeURIComponent(user)}${secret}@${enc}:${port}/${database}`;
    },
    async createDatabase() {
      const name = `team_${++databases}_${process.pid}`;
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: `postgres://${superuser}@${enc}:${port}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return name;
    },
    socketDir: dir,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
