// Imported first by every entry point that uses zod. Zod 4 probes `new Function`
// to JIT its parsers; under our CSP (no 'unsafe-eval') that probe is a violation,
// so we switch the JIT off before any schema is built.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
