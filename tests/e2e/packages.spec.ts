import { expect, openApp, seedOffice, test } from './support/fixtures';

type Api = Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>>;

test('the page sets up office keys through the preload and they open again after a restart', async ({ desk }) => {
  await seedOffice(desk);
  await openApp(desk.page);
  const call = (channel: string, input?: unknown) =>
    desk.page.evaluate(([c, i]) => (window as unknown as { api: Api }).api[c as string]?.(i), [
      channel,
      input,
    ] as const);

  expect(await call('keys.status')).toMatchObject({
    ok: true,
    value: { state: 'none', systemProtectionAvailable: true },
  });
  const setUp = await call('keys.setUp', { protection: 'system' });
  expect(setUp).toMatchObject({ ok: true, value: { state: 'unlocked', protection: 'system' } });
  const own = (await call('keys.ownCertificate')) as { value: { fingerprintGroups: string[] } };
  expect(own.value.fingerprintGroups).toHaveLength(6);

  const restarted = await desk.restart();
  await openApp(restarted.page);
  const status = await restarted.page.evaluate(() =>
    (window as unknown as { api: Api }).api['keys.ownCertificate']?.(),
  );
  expect(status).toMatchObject({ ok: true, value: { fingerprintGroups: own.value.fingerprintGroups } });
  // An organ that is not trusted is refused before a save dialog is even shown.
  const refused = await restarted.page.evaluate(() =>
    (window as unknown as { api: Api }).api['packages.export']?.({
      opId: 'e2e-export',
      recipientOrganId: 'nobody',
      data: {},
      files: [],
      label: '',
      refs: [],
    }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(restarted.ports.dialogs.requests).toEqual([]);
});
