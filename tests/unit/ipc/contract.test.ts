import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { MENU_COMMANDS } from '../../../shared/ipc/events';

describe('IPC contract', () => {
  it('has schemas for exactly the channels the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      expect(contract[channel].input, channel).toBeDefined();
      expect(contract[channel].output, channel).toBeDefined();
    }
  });

  it('names channels and events as feature.verb, without duplicates', () => {
    for (const name of [...CHANNELS, ...EVENTS]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    expect(new Set(MENU_COMMANDS).size).toBe(MENU_COMMANDS.length);
  });
});
