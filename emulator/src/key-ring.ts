/**
 * Keys added and revoked through the control API (`POST /__emulator/keys`, `/__emulator/graviti/keys`,
 * `/__emulator/modelarts/keys`), so that tests can rotate a credential: a second valid key for a project (or a
 * Graviti workspace), and revocation of any key, the seeded one too. Emulator convention: the real APIs manage keys
 * in their consoles.
 *
 * The seed gives every owner (project, workspace) one key, which each platform keeps where it always did; the ring
 * stores only the changes, one row per key in a table of the tenant's SQLite storage: `(key, owner, revoked)`. A row
 * wins over the seed, so a reset that empties the table restores exactly the seeded keys. Plain TypeScript over
 * `SqlStorage`; every method is synchronous and throws only on SQL faults.
 */
import { keyIdOf } from "./key-id";

/** What the ring needs to know of the seed: who exists, and which key each was seeded with. */
export interface SeededKeys {
  /** The owner a key was seeded for, or undefined. */
  ownerOf(key: string): string | undefined;
  /** Every owner of the tenant and its seeded key. */
  owners(): { id: string; key: string }[];
}

/** One change asked for: a key to add to an owner, or one of its keys to revoke. */
export type KeyChange = { add: string } | { revoke: string };

/**
 * The outcome of a change, as a value (it crosses Durable Object RPC, where an error loses its class): the owner's
 * valid keys after it, as key ids (key-id.ts), or why it was refused, worded for a 400 that names the field.
 */
export type KeyChangeResult = { owner: string; keyIds: string[] } | { error: string };

/** What a change of the ring itself answers: the owner changed, or why the change was refused. */
type RingChange = { owner: string } | { error: string };

/** The field of a key-change body that names the owner: `project` (Nexus, ModelArts) or `workspace` (Graviti). */
export type OwnerField = "project" | "workspace";

/** The added and revoked keys of one tenant of one platform, in the table `table` (see the module comment). */
export class KeyRing {
  constructor(
    private readonly sql: SqlStorage,
    private readonly table: string,
  ) {}

  /** Creates the table when it does not exist yet. */
  migrate(): void {
    this.sql.exec(
      `CREATE TABLE IF NOT EXISTS ${this.table} (key TEXT PRIMARY KEY, owner TEXT NOT NULL, revoked INTEGER NOT NULL)`,
    );
  }

  /** Forgets every change: only the seeded keys are valid again (a reset). */
  clear(): void {
    this.sql.exec(`DELETE FROM ${this.table}`);
  }

  /** The owner a key is valid for now, or undefined (unknown or revoked). */
  ownerOf(key: string, seeded: SeededKeys): string | undefined {
    const row = this.row(key);
    if (row === undefined) return seeded.ownerOf(key);
    return row.revoked === 0 ? row.owner : undefined;
  }

  /** Every key valid for `owner` now: its seeded key unless changed, then the keys added to it. */
  keysOf(owner: string, seeded: SeededKeys): string[] {
    const keys = seeded
      .owners()
      .filter((candidate) => candidate.id === owner && this.row(candidate.key) === undefined)
      .map((candidate) => candidate.key);
    const added = this.sql
      .exec<{ key: string }>(`SELECT key FROM ${this.table} WHERE owner = ? AND revoked = 0 ORDER BY key`, owner)
      .toArray()
      .map((row) => row.key);
    return [...keys, ...added];
  }

  /**
   * Applies a change to `owner` (named by `field` in messages). Adding a key the owner already has, or revoking one it
   * revoked before, changes nothing and succeeds. Refused: an owner the tenant does not hold, a key that is valid for
   * another owner, a revocation of a key that was never the owner's.
   */
  change(owner: string, change: KeyChange, field: OwnerField, seeded: SeededKeys): RingChange {
    const owners = seeded.owners().map((candidate) => candidate.id);
    if (!owners.includes(owner)) {
      return { error: `${field}: expected one of ${owners.join(", ")}, got ${JSON.stringify(owner)}` };
    }
    if ("add" in change) {
      const holder = this.ownerOf(change.add, seeded);
      if (holder !== undefined && holder !== owner) {
        return { error: `add: the key is already a key of ${field} ${holder}` };
      }
      if (holder === undefined) this.write(change.add, owner, 0);
    } else {
      const holder = this.ownerOf(change.revoke, seeded);
      const row = this.row(change.revoke);
      const revokedBefore = row !== undefined && row.owner === owner && row.revoked === 1;
      if (holder === owner) this.write(change.revoke, owner, 1);
      else if (!revokedBefore) return { error: `revoke: not a key of ${field} ${owner}` };
    }
    return { owner };
  }

  private row(key: string): { owner: string; revoked: number } | undefined {
    return this.sql
      .exec<{ owner: string; revoked: number }>(`SELECT owner, revoked FROM ${this.table} WHERE key = ?`, key)
      .toArray()[0];
  }

  private write(key: string, owner: string, revoked: 0 | 1): void {
    this.sql.exec(`INSERT OR REPLACE INTO ${this.table} (key, owner, revoked) VALUES (?, ?, ?)`, key, owner, revoked);
  }
}

/**
 * Applies a change (see {@link KeyRing.change}) and answers the owner's valid keys after it as key ids, never the
 * keys: the state objects of every platform answer the control API with this.
 */
export async function applyKeyChange(
  ring: KeyRing,
  owner: string,
  change: KeyChange,
  field: OwnerField,
  seeded: SeededKeys,
): Promise<KeyChangeResult> {
  const result = ring.change(owner, change, field, seeded);
  if ("error" in result) return result;
  const keyIds = await Promise.all(ring.keysOf(owner, seeded).map(keyIdOf));
  return { owner, keyIds };
}

/**
 * Reads a key-change body (`{<field>, add}` or `{<field>, revoke}`; other fields are ignored) into the owner and the
 * change. Answers a message naming what is wrong instead when `field` is not a non-empty string, when there is neither
 * `add` nor `revoke` or both, or when the key is not a non-empty string.
 */
export function keyChangeOf(
  body: Record<string, unknown>,
  field: OwnerField,
): { owner: string; change: KeyChange } | { error: string } {
  const owner = body[field];
  if (typeof owner !== "string" || owner === "") {
    return { error: `${field}: expected a non-empty string, got ${describe(owner)}` };
  }
  const hasAdd = body.add !== undefined;
  const hasRevoke = body.revoke !== undefined;
  if (hasAdd === hasRevoke) {
    return { error: `body: expected exactly one of add, revoke, got ${hasAdd ? "both" : "neither"}` };
  }
  const name = hasAdd ? "add" : "revoke";
  const key = body[name];
  if (typeof key !== "string" || key === "")
    return { error: `${name}: expected a non-empty string, got ${describe(key)}` };
  return { owner, change: hasAdd ? { add: key } : { revoke: key } };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
