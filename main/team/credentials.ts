// Where a team member's password is kept between syncs — never in the archive. The default is PostgreSQL's
// .pgpass format in a file beside the archive readable only by its owner (0600); PGPASSWORD and ~/.pgpass
// also work, as with any PostgreSQL client. The desktop app keeps it encrypted with the OS keychain's key
// (Electron's safeStorage, passed in by main/electron as a `Cipher`), where the system offers a real one.
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface CredentialStore {
  save(member: string, password: string): void;
  load(member: string): string | null;
  forget(): void;
}

/** What the desktop's keychain offers (Electron's safeStorage has this shape). */
export interface Cipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux: 'basic_text' means no keyring was found and the "encryption" is a fixed key. */
  getSelectedStorageBackend?(): string;
}

/** PostgreSQL's .pgpass format in a file of mode 0600. */
export class FileCredentialStore implements CredentialStore {
  constructor(readonly file: string) {}

  save(member: string, password: string): void {
    const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
    writeFileSync(this.file, `*:*:*:${esc(member)}:${esc(password)}\n`, { mode: 0o600 });
    chmodSync(this.file, 0o600);
  }

  load(member: string): string | null {
    if (!existsSync(this.file)) return null;
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      const fields = line.match(/(?:\\.|[^:])+/g)?.map((f) => f.replace(/\\(.)/g, '$1'));
      if (fields?.length === 5 && fields[3] === member) return fields[4];
    }
    return null;
  }

  forget(): void {
    rmSync(this.file, { force: true });
  }
}

/**
 * The password encrypted with the keychain's key, in a 0600 file beside the archive (`team.keychain`: the
 * member's name and the encrypted bytes, as JSON). A password kept earlier in the plain file (a join from the
 * command line) is still found, and moved into the keychain the next time it is saved.
 */
export class KeychainCredentialStore implements CredentialStore {
  constructor(
    readonly file: string,
    private readonly cipher: Cipher,
    private readonly fallback: FileCredentialStore,
  ) {}

  save(member: string, password: string): void {
    const encrypted = this.cipher.encryptString(password).toString('base64');
    writeFileSync(this.file, JSON.stringify({ member, encrypted }), { mode: 0o600 });
    chmodSync(this.file, 0o600);
    this.fallback.forget();
  }

  load(member: string): string | null {
    if (existsSync(this.file)) {
      try {
        const kept = JSON.parse(readFileSync(this.file, 'utf8')) as { member?: unknown; encrypted?: unknown };
        if (kept.member === member && typeof kept.encrypted === 'string')
          return this.cipher.decryptString(Buffer.from(kept.encrypted, 'base64'));
      } catch {
        // Another user's keychain, or a damaged file: as if nothing were kept (the server asks again).
      }
    }
    return this.fallback.load(member);
  }

  forget(): void {
    rmSync(this.file, { force: true });
    this.fallback.forget();
  }
}

/** The store for an archive: the keychain when it really encrypts, else the owner-only file. */
export function keychainCredentials(archiveFile: string, cipher: Cipher): CredentialStore {
  const plain = new FileCredentialStore(join(dirname(archiveFile), 'team.pgpass'));
  const real = cipher.isEncryptionAvailable() && cipher.getSelectedStorageBackend?.() !== 'basic_text';
  return real ? new KeychainCredentialStore(join(dirname(archiveFile), 'team.keychain'), cipher, plain) : plain;
}
