/** Series colours: the app's blue first, red only for what is late. */
export const PALETTE = {
  primary: '#1f5aa6',
  secondary: '#5b8fd6',
  received: '#8e6cc7',
  good: '#2e9d6a',
  warn: '#e0a030',
  late: '#c0392b',
  muted: '#a9b4c2',
  grid: '#eef0f3',
  text: '#5c6470',
} as const;
