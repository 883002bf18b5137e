import type { ThemeConfig } from 'antd';

/** A sober blue for the work, red kept for what official documents make red. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5aa6',
    colorError: '#c0392b',
    borderRadius: 6,
    fontSize: 14,
  },
  components: {
    Layout: { siderBg: '#10243f', headerBg: '#ffffff', bodyBg: '#f5f6f8' },
    Menu: {
      darkItemBg: '#10243f',
      darkSubMenuItemBg: '#0c1c33',
      darkItemSelectedBg: '#1f5aa6',
    },
  },
};
