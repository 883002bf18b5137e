import type { Channel, EventName } from './channels';
import type { ChannelInput, ChannelOutput } from './contract';
import type { Envelope } from './errors';
import type { EventPayload } from './events';

/** The shape of `window.api`, exposed by the preload (or the e2e bridge). */
export type DeskApi = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};
