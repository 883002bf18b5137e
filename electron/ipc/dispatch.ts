import { CHANNELS, type Channel, type EventName } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { AppError, type Envelope, type FieldIssue } from '../../shared/ipc/errors';
import type { EventPayload } from '../../shared/ipc/events';
import type { z } from '../../shared/zod-setup';
import type { Logger } from '../services/logger';

type Contract = typeof contract;
export type HandlerInput<C extends Channel> = z.output<Contract[C]['input']>;
export type HandlerOutput<C extends Channel> = z.input<Contract[C]['output']>;

/** What a handler knows about the call: how to talk back to the calling window. */
export interface CallContext {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handlers = {
  [C in Channel]: (input: HandlerInput<C>, ctx: CallContext) => Promise<HandlerOutput<C>> | HandlerOutput<C>;
};

export type Dispatch = (channel: string, rawInput: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

/**
 * The transport-independent half of the IPC adapter: parse the input with the contract,
 * run the handler, check its output, and turn every failure into a coded envelope.
 * Electron's adapter adds the sender check; the e2e bridge calls this directly.
 */
export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  return async (channel, rawInput, ctx) => {
    if (!isChannel(channel)) {
      return fail('UNKNOWN_CHANNEL', `Unknown channel: ${channel.slice(0, 80)}`);
    }
    const spec: { input: z.ZodType; output: z.ZodType } = contract[channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: `Invalid input for ${channel}`,
          issues: toFieldIssues(parsed.error),
        },
      };
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
      const result = await handler(parsed.data, ctx);
      const output = spec.output.safeParse(result);
      if (!output.success) {
        logger.error('Handler returned output outside the contract', { channel, issues: toFieldIssues(output.error) });
        return fail('INTERNAL', `Handler for ${channel} broke its contract`);
      }
      return { ok: true, value: output.data };
    } catch (error) {
      return { ok: false, error: toIpcFailure(channel, error, logger) };
    }
  };
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
}

function toIpcFailure(channel: string, error: unknown, logger: Logger) {
  if (error instanceof AppError) {
    if (error.code !== 'CANCELLED') logger.warn('Handler failed', { channel, code: error.code, error });
    return error.toIpcError();
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  logger.error('Handler threw', { channel, error: error instanceof Error ? error : String(error) });
  if (code === 'ENOSPC') return { code: 'DISK_FULL' as const, message: 'The disk is full' };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return { code: 'IO_ERROR' as const, message: `File system error ${code}`, params: { detail: code } };
  }
  return { code: 'INTERNAL' as const, message: 'Unexpected error; details are in the log file' };
}

function fail(code: 'UNKNOWN_CHANNEL' | 'INTERNAL', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
