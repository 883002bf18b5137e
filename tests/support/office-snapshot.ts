import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sha256Hex } from '../../electron/services/crypto/primitives';
import type { TestOffice } from './package-offices';

/**
 * Everything an import could change: every folder and file under the office's userData
 * (files with their SHA-256), and the records of the ledger and trust registry.
 */
export function snapshotOffice(office: TestOffice) {
  const listing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(office.dir, path);
      if (statSync(path).isDirectory()) {
        listing.push(`${rel}/`);
        walk(path);
      } else {
        listing.push(`${rel} ${sha256Hex(readFileSync(path))}`);
      }
    }
  };
  walk(office.dir);
  return {
    listing,
    received: office.packages.received().length,
    exports: office.packages.exports().length,
    trusted: JSON.stringify(office.trust.list()),
    pendingImports: office.packages.pendingImportIds().length,
  };
}
