import { describe, expect, it, vi } from 'vitest';
import { createDispatch, type Handlers } from '../../../electron/ipc/dispatch';
import { AppError } from '../../../shared/ipc/errors';

const office = {
  name: '青山县司法局',
  shortName: '青司',
  level: 'county',
  kind: 'judicial',
  divisionCode: '330104',
  superior: { name: '江州市司法局', divisionCode: '330100' },
} as const;

function setup(overrides: Partial<Handlers> = {}) {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const handlers = {
    'office.save': vi.fn((input: unknown) => input),
    'office.get': vi.fn(() => null),
    ...overrides,
  } as unknown as Handlers;
  const dispatch = createDispatch(handlers, logger);
  const ctx = { emit: vi.fn() };
  return { dispatch: (c: string, i?: unknown) => dispatch(c, i, ctx), handlers, logger };
}

describe('dispatch', () => {
  it('runs the handler with parsed input and returns its value', async () => {
    const { dispatch } = setup();
    await expect(dispatch('office.save', office)).resolves.toEqual({ ok: true, value: office });
  });

  it('answers a malformed payload with VALIDATION_FAILED and field paths, without calling the handler', async () => {
    const { dispatch, handlers } = setup();
    const result = await dispatch('office.save', { ...office, divisionCode: '12', superior: { name: 'x' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.issues?.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['divisionCode', 'superior.name', 'superior.divisionCode']),
    );
    expect(handlers['office.save']).not.toHaveBeenCalled();
  });

  it('refuses payloads of the wrong type altogether', async () => {
    const { dispatch } = setup();
    for (const bad of [null, 'office', 42, [office]]) {
      await expect(dispatch('office.save', bad)).resolves.toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
    await expect(dispatch('office.get', { unexpected: true })).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('refuses unknown channels', async () => {
    const { dispatch } = setup();
    await expect(dispatch('fs.readFile', '/etc/passwd')).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('passes AppError codes through', async () => {
    const { dispatch } = setup({
      'office.get': () => {
        throw new AppError('NOT_FOUND', 'missing', { params: { name: 'x' } });
      },
    });
    await expect(dispatch('office.get')).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'missing', params: { name: 'x' } },
    });
  });

  it('hides unexpected errors behind INTERNAL and logs the details', async () => {
    const { dispatch, logger } = setup({
      'office.get': () => {
        throw new TypeError('secret stack detail');
      },
    });
    const result = await dispatch('office.get');
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret stack detail');
    expect(logger.error).toHaveBeenCalledWith('Handler threw', expect.objectContaining({ channel: 'office.get' }));
  });

  it('reports a full disk as DISK_FULL and other file errors as IO_ERROR', async () => {
    const fsError = (code: string) => Object.assign(new Error(code), { code });
    const full = setup({
      'office.get': () => {
        throw fsError('ENOSPC');
      },
    });
    await expect(full.dispatch('office.get')).resolves.toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    const denied = setup({
      'office.get': () => {
        throw fsError('EACCES');
      },
    });
    await expect(denied.dispatch('office.get')).resolves.toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR', params: { detail: 'EACCES' } },
    });
  });

  it('catches a handler that breaks its output contract', async () => {
    const { dispatch, logger } = setup({ 'office.get': () => ({ name: 1 }) as never });
    await expect(dispatch('office.get')).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logger.error).toHaveBeenCalled();
  });
});
