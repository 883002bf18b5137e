import { call } from '../api/client';

// Which IndexedDB database the app opens. It is not fixed: a restore fills a new
// database and the main process switches to it only once it is complete, so an
// interrupted restore leaves the old one in use. Kept free of Dexie so the shell can
// read it before any feature loads.

let activeName = 'supervision-desk';

export const activeDatabaseName = (): string => activeName;

/** At start-up: the name the main process holds, and deletion of one a restore replaced. */
export async function selectDatabase(): Promise<void> {
  const { name, previous } = await call('backup.database');
  activeName = name;
  if (previous && previous !== name) {
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(previous);
      request.onsuccess = () => resolve();
      request.onerror = () => resolve();
      request.onblocked = () => resolve();
    });
    await call('backup.forgetPreviousDatabase');
  }
}
