import type { z } from '../zod-setup';
import type { Channel } from './channels';
import { appChannels } from './contract/app';
import { documentsChannels } from './contract/documents';
import { evidenceChannels } from './contract/evidence';
import { keysChannels } from './contract/keys';
import { packagesChannels } from './contract/packages';
import { registryChannels } from './contract/registry';

export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * The one table of IPC channels: name → input and output schema. Each feature keeps
 * its rows in `contract/<feature>.ts`; `satisfies` keeps this table and CHANNELS equal.
 */
export const contract = {
  ...appChannels,
  ...documentsChannels,
  ...registryChannels,
  ...evidenceChannels,
  ...keysChannels,
  ...packagesChannels,
} as const satisfies { [C in Channel]: ChannelSpec };

type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
