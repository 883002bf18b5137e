// Every schema module imports zod through shared/zod-setup, which switches zod's JIT
// probe off (a CSP violation) before the first schema is built.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadInitialSettings } from './app/bootstrap';
import { initI18n } from './i18n';

async function start(): Promise<void> {
  const initial = await loadInitialSettings();
  await initI18n(initial.locale);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App initial={initial} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  // Without the main process or the catalogues nothing can work; say so plainly.
  const message = document.createElement('pre');
  message.textContent = `无法启动 / Cannot start\n${String(error)}`;
  document.getElementById('root')?.replaceChildren(message);
});
