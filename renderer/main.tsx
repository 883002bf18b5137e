// Every schema module imports zod through shared/zod-setup, which switches zod's JIT
// probe off (a CSP violation) before the first schema is built.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadInitialSettings } from './app/bootstrap';
import { initI18n } from './i18n';

const root = createRoot(document.getElementById('root') as HTMLElement);

loadInitialSettings().then(
  (initial) => {
    initI18n(initial.locale);
    root.render(
      <StrictMode>
        <App initial={initial} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    // Without the bridge to the main process nothing can work; say so plainly.
    const message = document.createElement('pre');
    message.textContent = `无法连接主进程 / Cannot reach the main process\n${String(error)}`;
    document.getElementById('root')?.replaceChildren(message);
  },
);
