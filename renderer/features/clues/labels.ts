import type { ClueStatus } from '../../../shared/clues/clue';

export const CLUE_STATUS_COLORS: Record<ClueStatus, string> = {
  pending: 'blue',
  opened: 'green',
  referred: 'magenta',
  replied: 'cyan',
  not_opened: 'default',
};
