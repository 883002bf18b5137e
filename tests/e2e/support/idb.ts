import { expect, type Page } from '@playwright/test';

// Reading and seeding the app's IndexedDB from a test, below the app's own code, so a
// test sees what was really written (and can set up records without clicking).

const DB_NAME = 'supervision-desk';

/**
 * Waits until the app (Dexie) has created its database with the store: opening it
 * before would create an empty one and race the app's schema upgrade.
 */
async function waitForStore(page: Page, store: string): Promise<void> {
  const hasStore = () =>
    page.evaluate(
      async ([name, storeName]) => {
        if (!(await indexedDB.databases()).some((d) => d.name === name && (d.version ?? 0) >= 10)) return false;
        return new Promise<boolean>((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            resolve(open.result.objectStoreNames.contains(storeName));
            open.result.close();
          };
          open.onerror = () => resolve(false);
        });
      },
      [DB_NAME, store] as const,
    );
  await expect.poll(hasStore, { message: `the app's IndexedDB with store ${store}` }).toBe(true);
}

export async function idbAll<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  await waitForStore(page, store);
  return page.evaluate(
    ([name, storeName]) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          let request: IDBRequest;
          try {
            request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          } catch (error) {
            db.close();
            reject(error);
            return;
          }
          request.onsuccess = () => {
            resolve(request.result as T[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [DB_NAME, store] as const,
  );
}

export async function idbPut(page: Page, store: string, records: object[]): Promise<void> {
  await waitForStore(page, store);
  return page.evaluate(
    ([name, storeName, values]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          let tx: IDBTransaction;
          try {
            tx = db.transaction(storeName, 'readwrite');
            for (const value of values) tx.objectStore(storeName).put(value);
          } catch (error) {
            db.close();
            reject(error);
            return;
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [DB_NAME, store, records] as const,
  );
}
