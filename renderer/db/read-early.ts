import type { Table } from 'dexie';
import type { DeskDatabase } from './database';

/**
 * A read-only transaction whose answer is handed over as soon as its reads are done,
 * not when the transaction commits: the reads are settled by then, and waiting for the
 * commit costs another round trip to the storage process, which on a busy machine can
 * take longer than the reads. A failure before the answer still rejects.
 *
 * The answer is handed over from a fresh task: resolved inside the transaction's
 * scope, the caller's continuation could run in Dexie's transaction zone (Dexie
 * re-enters zones across native awaits), and its next write would be refused as part
 * of this read-only transaction.
 */
export function readEarly<T>(db: DeskDatabase, tables: Table[], read: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    db.transaction('r', tables, async () => {
      const answer = await read();
      // A message, not a timer: timers may be clamped, and wait behind other timers.
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        port1.close();
        resolve(answer);
      };
      port2.postMessage(null);
    }).catch(reject);
  });
}
