import type { ThemeConfig } from 'antd';

/** The console's look: antd's default algorithm, a calm blue for actions, the brand red kept for the logo and accents. */
export const BRAND_RED = '#c8161d';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fbf',
    borderRadius: 8,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2340', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { darkItemBg: '#0f2340', darkSubMenuItemBg: '#0b1b33', darkItemSelectedBg: '#1d5fbf' },
  },
};
