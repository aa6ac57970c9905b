import type { BannerMessages } from './messages.js';

/** 横幅所用的简体中文；偏好设置面板的文字在 zh-cn.ts。 */
export const zhCNBanner: BannerMessages = {
  texts: {
    title: '您的隐私选择',
    body:
      '我们使用 Cookie 和网络信标等类似技术来存储您的偏好和设置、防止欺诈、验证用户身份并收集有关在线服务的运营数据。' +
      '代表我们提供网站分析等服务的第三方也可能设置 Cookie。严格必要的 Cookie 始终启用，其他 Cookie 仅在您同意后使用。',
    whatChanged: '我们的隐私声明已更新。变更内容：',
    policyLink: '隐私声明',
    lastUpdated: '最后更新：{date}',
    acceptAll: '全部接受',
    rejectAll: '全部拒绝',
    managePreferences: '管理偏好设置',
    reopen: 'Cookie 设置',
  },
};
