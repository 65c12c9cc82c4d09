import { createHash } from 'node:crypto';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  RegistryFileInput,
  ReminderRecord,
} from '@service-registry/plugin-service-registry-common';
import { migrateUnderLock } from '@service-registry/plugin-service-registry-node';
import { Knex } from 'knex';
import { ConsumerNotice } from '../lib/types';

const SENT = 'service_registry_notices_sent';
const BASELINES = 'service_registry_notice_baselines';
const REMINDERS = 'service_registry_reminders';
const PENDING = 'service_registry_notices_pending';
const MIGRATIONS_TABLE = 'service_registry_notifications_knex_migrations';
/** Keys per query: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;
/** The length of the id columns (an entity name's). */
const ID_LENGTH = 63;

/**
 * One notice for one consuming service.
 *
 * @public
 */
export interface NoticeDelivery {
  /** The notice's key. */
  key: string;
  /** The consuming service. */
  consumer: string;
}

/**
 * The registry files consumers were last told about.
 *
 * @public
 */
export interface NoticeBaseline {
  /** SHA-256 of the files' paths and texts. */
  fingerprint: string;
  /** The files. */
  files: RegistryFileInput[];
  /**
   * For each service id two projects declare, the file whose declaration the registry kept (see
   * `keptDeclarationsOf`): the files are loaded again with it. Absent when none is declared twice.
   */
  keptDeclarations?: Record<string, string>;
  /**
   * ISO time of the registry snapshot the files come from (its `updatedAt`, the ingestion's
   * time). Absent for a baseline kept before it was recorded.
   */
  snapshotAt?: string;
}

/**
 * A notice still owed to one consuming service: planned at a registry change, not told then.
 *
 * @public
 */
export interface PendingNotice {
  /** The consuming service still to be told. */
  consumer: string;
  /** The notice as planned (its `consumers` are those it named then). */
  notice: ConsumerNotice;
  /** ISO time it was first planned. */
  plannedAt: string;
}

/**
 * What consumer notifications remember, in the service-registry plugin's database (SQLite,
 * PostgreSQL or MySQL): each notice told to each consuming service, and the registry files
 * consumers were last told about.
 *
 * @public
 */
export class ConsumerNoticeStore {
  /**
   * Runs the module's migrations (unless told not to) and returns the store. Backends starting
   * together on a new database migrate it one at a time (see `migrateUnderLock`), and all start.
   *
   * @param knex - the plugin's database client
   * @param options - `skipMigrations` when the database service says so
   */
  static async create(
    knex: Knex,
    options?: { skipMigrations?: boolean },
  ): Promise<ConsumerNoticeStore> {
    if (!options?.skipMigrations) {
      await migrateUnderLock(knex, {
        directory: resolvePackagePath(
          '@service-registry/plugin-service-registry-backend-module-notifications',
          'migrations',
        ),
        tableName: MIGRATIONS_TABLE,
        tables: "the service registry's consumer notice tables",
      });
    }
    return new ConsumerNoticeStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /**
   * Runs an `INSERT IGNORE` on MySQL and returns how many rows it inserted (knex gives back no
   * count for an insert there, and MySQL no `RETURNING`).
   */
  private async insertIgnoring(query: Knex.QueryBuilder): Promise<number> {
    const { sql, bindings } = query.toSQL();
    const [result] = await this.knex.raw(sql, bindings);
    return Number(result.affectedRows);
  }

  /** The fingerprint of a registry's baseline, undefined before its first run. */
  async getBaselineFingerprint(
    registryId: string,
  ): Promise<string | undefined> {
    const row = await this.knex(BASELINES)
      .where('registry_id', registryId)
      .first('fingerprint');
    return row?.fingerprint;
  }

  /**
   * The fingerprint of a registry's baseline and the time of the snapshot it was taken from
   * (without its files), undefined before its first run.
   */
  async getBaselineMark(
    registryId: string,
  ): Promise<Pick<NoticeBaseline, 'fingerprint' | 'snapshotAt'> | undefined> {
    const row = await this.knex(BASELINES)
      .where('registry_id', registryId)
      .first('fingerprint', 'snapshot_at');
    if (!row) return undefined;
    return {
      fingerprint: row.fingerprint,
      ...(row.snapshot_at ? { snapshotAt: row.snapshot_at } : {}),
    };
  }

  /** A registry's baseline, undefined before its first run. */
  async getBaseline(registryId: string): Promise<NoticeBaseline | undefined> {
    const row = await this.knex(BASELINES)
      .where('registry_id', registryId)
      .first('fingerprint', 'files', 'kept_declarations', 'snapshot_at');
    if (!row) return undefined;
    return {
      fingerprint: row.fingerprint,
      files: JSON.parse(row.files),
      ...(row.kept_declarations
        ? { keptDeclarations: JSON.parse(row.kept_declarations) }
        : {}),
      ...(row.snapshot_at ? { snapshotAt: row.snapshot_at } : {}),
    };
  }

  /**
   * Replaces a registry's baseline, unless the one stored comes from a later snapshot (another
   * backend instance moved it on meanwhile): a baseline is never set back.
   */
  async setBaseline(
    registryId: string,
    baseline: NoticeBaseline,
    at: string,
  ): Promise<void> {
    const values = {
      fingerprint: baseline.fingerprint,
      files: JSON.stringify(baseline.files),
      kept_declarations:
        baseline.keptDeclarations &&
        Object.keys(baseline.keptDeclarations).length > 0
          ? JSON.stringify(baseline.keptDeclarations)
          : null,
      snapshot_at: baseline.snapshotAt ?? null,
      updated_at: at,
    };
    /** The stored baseline is replaced unless it comes from a later snapshot. */
    const notLater = (q: Knex.QueryBuilder) => {
      if (baseline.snapshotAt) {
        q.where(w =>
          w
            .whereNull(`${BASELINES}.snapshot_at`)
            .orWhere(`${BASELINES}.snapshot_at`, '<=', baseline.snapshotAt!),
        );
      }
    };
    const insert = this.knex(BASELINES).insert({
      registry_id: registryId,
      ...values,
    });
    if (!isMysql(this.knex)) {
      const query = insert.onConflict('registry_id').merge(Object.keys(values));
      notLater(query);
      await query;
      return;
    }
    // MySQL has no condition on its upsert: the row is inserted unless there is one (a baseline
    // is never deleted), else updated under the condition; each statement is atomic
    const ignoring = insert.onConflict('registry_id').ignore();
    if ((await this.insertIgnoring(ignoring)) > 0) return;
    const update = this.knex(BASELINES).where('registry_id', registryId);
    notLater(update);
    await update.update(values);
  }

  /**
   * The deliveries not recorded yet (a read: {@link ConsumerNoticeStore.claim} decides).
   *
   * @param registryId - the registry
   * @param deliveries - the deliveries planned
   * @returns those not made yet, each once, in the given order
   */
  async untold(
    registryId: string,
    deliveries: NoticeDelivery[],
  ): Promise<NoticeDelivery[]> {
    const made = new Set<string>();
    const keys = [...new Set(deliveries.map(d => d.key))];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows: Array<{ notice_key: string; consumer_id: string }> =
        await this.knex(SENT)
          .where('registry_id', registryId)
          .whereIn('key_hash', keys.slice(i, i + CHUNK).map(keyHash))
          .select('notice_key', 'consumer_id');
      for (const row of rows) made.add(pairOf(row.notice_key, row.consumer_id));
    }
    return deliveries.filter(d => {
      const pair = pairOf(d.key, d.consumer);
      if (made.has(pair)) return false;
      made.add(pair);
      return true;
    });
  }

  /**
   * Claims the deliveries not made yet: records them as made and returns them. A delivery
   * another call (or backend instance) recorded first is left out, also when both claim at the
   * same moment: the database's primary key decides, and only the rows this call inserted are
   * returned (`INSERT … ON CONFLICT DO NOTHING RETURNING`, on PostgreSQL and SQLite; on MySQL,
   * which returns no rows, an `INSERT IGNORE` of each delivery not recorded yet, whose count of
   * inserted rows tells). A delivery to a consumer whose id is longer than an entity name (63
   * characters: the catalog has no entity for it) is left out rather than recorded: the database
   * would refuse it with every other row of the call. A key may have any length (it is looked up
   * by its hash).
   *
   * @param registryId - the registry
   * @param deliveries - the deliveries planned
   * @param at - ISO time
   * @returns the deliveries to make, in the given order
   */
  async claim(
    registryId: string,
    deliveries: NoticeDelivery[],
    at: string,
  ): Promise<NoticeDelivery[]> {
    const unique = new Map<string, NoticeDelivery>();
    for (const d of deliveries) {
      const pair = pairOf(d.key, d.consumer);
      if (!unique.has(pair) && fits(d)) unique.set(pair, d);
    }
    const rows = [...unique.values()];
    const rowOf = (d: NoticeDelivery) => ({
      registry_id: registryId,
      key_hash: keyHash(d.key),
      notice_key: d.key,
      consumer_id: d.consumer,
      notified_at: at,
    });
    if (isMysql(this.knex)) {
      const claimed: NoticeDelivery[] = [];
      for (const d of await this.untold(registryId, rows)) {
        const insert = this.knex(SENT).insert(rowOf(d)).onConflict().ignore();
        if ((await this.insertIgnoring(insert)) > 0) claimed.push(d);
      }
      return claimed;
    }
    // inserted in the order of the table's key, whatever the order given: two instances claiming
    // the same deliveries at once then wait for each other's rows in the same order, instead of
    // each holding a row the other one waits for (PostgreSQL answers one of them "deadlock
    // detected", and its whole call fails)
    const inKeyOrder = rows.map(rowOf).sort(byTableKey);
    const inserted = new Set<string>();
    for (let i = 0; i < inKeyOrder.length; i += CHUNK) {
      const returned: Array<{ notice_key: string; consumer_id: string }> =
        await this.knex(SENT)
          .insert(inKeyOrder.slice(i, i + CHUNK))
          .onConflict(['registry_id', 'key_hash', 'consumer_id'])
          .ignore()
          .returning(['notice_key', 'consumer_id']);
      for (const row of returned) {
        inserted.add(pairOf(row.notice_key, row.consumer_id));
      }
    }
    return rows.filter(d => inserted.has(pairOf(d.key, d.consumer)));
  }

  /** Forgets deliveries that could not be made, so that the next run makes them. */
  async release(
    registryId: string,
    deliveries: NoticeDelivery[],
  ): Promise<void> {
    for (const { key, consumer } of deliveries) {
      await this.knex(SENT)
        .where({
          registry_id: registryId,
          key_hash: keyHash(key),
          consumer_id: consumer,
        })
        .delete();
    }
  }

  /**
   * Forgets the deliveries of keys with the given prefix that are not current any more (a
   * deprecation at an earlier stage, or a service no longer deprecated), so that the table
   * holds what is true now; a fact that comes back is told again.
   *
   * @param registryId - the registry
   * @param prefix - the kind of keys, e.g. `deprecation/`
   * @param current - the keys of that kind that are still planned
   * @returns how many rows were deleted
   */
  async forgetOthers(
    registryId: string,
    prefix: string,
    current: ReadonlySet<string>,
  ): Promise<number> {
    const rows: Array<{ notice_key: string }> = await this.knex(SENT)
      .where('registry_id', registryId)
      .where('notice_key', 'like', `${plainPrefix(prefix)}%`)
      .distinct('notice_key');
    const stale = rows.map(r => r.notice_key).filter(k => !current.has(k));
    let deleted = 0;
    for (let i = 0; i < stale.length; i += CHUNK) {
      deleted += await this.knex(SENT)
        .where('registry_id', registryId)
        .whereIn('key_hash', stale.slice(i, i + CHUNK).map(keyHash))
        .delete();
    }
    return deleted;
  }

  /**
   * Records a reminder of a service's consumers, unless one was recorded for that day already
   * (whichever backend instance recorded it).
   *
   * @returns whether this call recorded it
   */
  async recordReminder(
    registryId: string,
    service: string,
    reminder: ReminderRecord,
  ): Promise<boolean> {
    const insert = this.knex(REMINDERS)
      .insert({
        registry_id: registryId,
        service_id: service,
        day: reminder.at.slice(0, 10),
        sent_at: reminder.at,
        sent_by: reminder.by,
      })
      .onConflict(['registry_id', 'service_id', 'day'])
      .ignore();
    if (isMysql(this.knex)) return (await this.insertIgnoring(insert)) > 0;
    return (await insert.returning('day')).length > 0;
  }

  /** Forgets a reminder that could not be sent at all, so that it can be sent again that day. */
  async forgetReminder(
    registryId: string,
    service: string,
    day: string,
  ): Promise<void> {
    await this.knex(REMINDERS)
      .where({ registry_id: registryId, service_id: service, day })
      .delete();
  }

  /** The last reminder of a service's consumers, if any. */
  async lastReminder(
    registryId: string,
    service: string,
  ): Promise<ReminderRecord | undefined> {
    const row = await this.knex(REMINDERS)
      .where({ registry_id: registryId, service_id: service })
      .orderBy('day', 'desc')
      .first('sent_at', 'sent_by');
    return row ? { at: row.sent_at, by: row.sent_by } : undefined;
  }

  /**
   * Keeps notices still owed (see {@link PendingNotice}); one already kept keeps its first
   * planning time. A consumer the catalog cannot name is left out, as by
   * {@link ConsumerNoticeStore.claim}.
   *
   * @param registryId - the registry
   * @param pending - the notices and consumers
   * @param at - ISO time
   */
  async keepPending(
    registryId: string,
    pending: Array<{ consumer: string; notice: ConsumerNotice }>,
    at: string,
  ): Promise<void> {
    const rows = pending
      .filter(p => fits({ key: p.notice.key, consumer: p.consumer }))
      .map(p => ({
        registry_id: registryId,
        key_hash: keyHash(p.notice.key),
        notice_key: p.notice.key,
        consumer_id: p.consumer,
        notice: JSON.stringify(p.notice),
        planned_at: at,
      }))
      // in the table's key order, as in claim: instances keeping the same notices at once wait
      // for each other's rows instead of deadlocking
      .sort(byTableKey);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.knex(PENDING)
        .insert(rows.slice(i, i + CHUNK))
        .onConflict(['registry_id', 'key_hash', 'consumer_id'])
        .ignore();
    }
  }

  /** The notices still owed in a registry, oldest first. */
  async pending(registryId: string): Promise<PendingNotice[]> {
    const rows: Array<{
      consumer_id: string;
      notice: string;
      planned_at: string;
    }> = await this.knex(PENDING)
      .where('registry_id', registryId)
      .orderBy(['planned_at', 'notice_key', 'consumer_id'])
      .select('consumer_id', 'notice', 'planned_at');
    return rows.map(row => ({
      consumer: row.consumer_id,
      notice: JSON.parse(row.notice),
      plannedAt: row.planned_at,
    }));
  }

  /** Forgets notices owed that were told (or are no longer to be told). */
  async dropPending(
    registryId: string,
    deliveries: NoticeDelivery[],
  ): Promise<void> {
    for (const { key, consumer } of deliveries) {
      await this.knex(PENDING)
        .where({
          registry_id: registryId,
          key_hash: keyHash(key),
          consumer_id: consumer,
        })
        .delete();
    }
  }

  /**
   * Forgets notices owed since before `before` (a consumer that never got an owner to route to).
   *
   * @returns how many rows were deleted
   */
  async forgetPendingOlder(
    registryId: string,
    before: string,
  ): Promise<number> {
    return this.knex(PENDING)
      .where('registry_id', registryId)
      .where('planned_at', '<', before)
      .delete();
  }

  /**
   * Forgets deliveries of keys with the given prefix told before `before` (breaking changes,
   * which are found once, against the baseline, and need no memory after that).
   */
  async forgetOlder(
    registryId: string,
    prefix: string,
    before: string,
  ): Promise<number> {
    return this.knex(SENT)
      .where('registry_id', registryId)
      .where('notice_key', 'like', `${plainPrefix(prefix)}%`)
      .where('notified_at', '<', before)
      .delete();
  }
}

/** Whether the database is MySQL (or MariaDB), whose inserts return no rows. */
function isMysql(knex: Knex): boolean {
  return knex.client.dialect === 'mysql';
}

/** A key prefix for LIKE: letters, digits, `-` and `/` only (no wildcard to escape). */
function plainPrefix(prefix: string): string {
  if (!/^[a-z0-9/-]+$/.test(prefix)) {
    throw new TypeError(`Not a plain notice key prefix: ${prefix}`);
  }
  return prefix;
}

/** Whether the columns hold a delivery: its consumer is one the catalog can name. */
function fits(delivery: NoticeDelivery): boolean {
  return delivery.consumer.length <= ID_LENGTH;
}

/**
 * What a notice key is looked up by: SHA-256 of the key (UTF-8, hex). A key holds service ids,
 * which have no length limit (the loader keeps an id longer than an entity name, with an error), so
 * the key itself is kept in a text column, which MySQL cannot put in a primary key.
 */
function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The order of the sent table's primary key within one registry: key hash, then consumer. */
function byTableKey(
  a: { key_hash: string; consumer_id: string },
  b: { key_hash: string; consumer_id: string },
): number {
  if (a.key_hash !== b.key_hash) return a.key_hash < b.key_hash ? -1 : 1;
  if (a.consumer_id === b.consumer_id) return 0;
  return a.consumer_id < b.consumer_id ? -1 : 1;
}

function pairOf(key: string, consumer: string): string {
  return `${key}\u0000${consumer}`;
}
