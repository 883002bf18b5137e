// Runs one evidence-store operation in a process of its own, so that its peak memory
// (process.resourceUsage().maxRSS) is the operation's and not the bench runner's.
// Usage: tsx evidence-child.ts <add|upload|baseline> [source] [storeRoot]
import { open } from 'node:fs/promises';
import { EvidenceStore } from '../../electron/services/evidence/store';

const [mode, source, root] = process.argv.slice(2);
const started = performance.now();
let sha256 = '';
let size = 0;

if (mode === 'add' && source && root) {
  const stored = await new EvidenceStore({ root }).addFile(source);
  sha256 = stored.sha256;
  size = stored.size;
} else if (mode === 'upload' && source && root) {
  // The path a dropped file without a path takes: chunks as they would arrive over IPC.
  const handle = await open(source, 'r');
  const { size: total } = await handle.stat();
  const upload = await new EvidenceStore({ root }).beginUpload('upload.bin', total);
  const chunk = new Uint8Array(2 * 1024 * 1024);
  for (let at = 0; at < total; ) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
    await upload.write(chunk.slice(0, bytesRead));
    at += bytesRead;
  }
  await handle.close();
  const stored = await upload.finish();
  sha256 = stored.sha256;
  size = stored.size;
} else if (mode !== 'baseline') {
  console.error('usage: evidence-child.ts <add|upload|baseline> [source] [storeRoot]');
  process.exit(2);
}

const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssKib: process.resourceUsage().maxRSS, sha256, size })}\n`);
