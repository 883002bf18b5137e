// `npm run pkg -- inspect|verify|decrypt <file.sdpkg> …` — see SPEC.md §11 and pkg-cli.ts.
import '../../shared/zod-setup';
import { runPkgCli } from './pkg-cli';

/** Reads the passphrase from the terminal without echoing it. */
function readPassphrase(): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) return Promise.resolve('');
  stderr.write('Key backup passphrase: ');
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          stderr.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') process.exit(130);
        value = char === '\u007f' ? value.slice(0, -1) : value + char;
      }
    };
    stdin.on('data', onData);
  });
}

process.exitCode = await runPkgCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  readPassphrase,
});
