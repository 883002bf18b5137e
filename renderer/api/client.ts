import type { DeskApi } from '../../shared/ipc/api';
import type { Channel, EventName } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { ErrorCode, FieldIssue, IpcError } from '../../shared/ipc/errors';
import type { EventPayload } from '../../shared/ipc/events';

declare global {
  interface Window {
    readonly api: DeskApi;
  }
}

/** A failed IPC call, carrying the contract's error code for a localized message. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly params: Record<string, string | number>;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.issues = error.issues ?? [];
    this.params = error.params ?? {};
  }
}

type Args<C extends Channel> = undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

/** Calls the main process and returns the value, or throws an ApiError. */
export async function call<C extends Channel>(channel: C, ...args: Args<C>): Promise<ChannelOutput<C>> {
  const invoke = window.api[channel] as (
    input: unknown,
  ) => Promise<{ ok: true; value: ChannelOutput<C> } | { ok: false; error: IpcError }>;
  const envelope = await invoke(args[0]);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.api.on(event, listener);
}
