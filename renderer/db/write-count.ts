import type { DBCore, Dexie, Middleware } from 'dexie';

const counts = new WeakMap<Dexie, number>();

/**
 * How many write transactions this window has begun or finished on a database. A long
 * read made of many transactions (a backup: IPC round trips cannot live inside one)
 * compares the count before and after to know it saw a single state. The app has one
 * window, so this sees every write.
 */
export function writesTo(db: Dexie): number {
  return counts.get(db) ?? 0;
}

/** Counts a write transaction when it begins and again when it ends, committed or not. */
export function writeCounter(db: Dexie): Middleware<DBCore> {
  const bump = () => counts.set(db, writesTo(db) + 1);
  return {
    stack: 'dbcore',
    name: 'writeCounter',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const tx = down.transaction(stores, mode, options);
        if (mode === 'readwrite') {
          bump();
          // Dexie's IndexedDB core hands out the IDBTransaction itself.
          const events = tx as unknown as EventTarget;
          events.addEventListener('complete', bump);
          events.addEventListener('abort', bump);
        }
        return tx;
      },
    }),
  };
}
