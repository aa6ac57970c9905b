import type { Messages } from './messages.js';

/** 简体中文，尽量采用隐私声明中文版的原有表述。 */
export const zhCN: Messages = {
  regionLabel: 'Cookie 同意',
  title: '您的隐私选择',
  body:
    '我们使用 Cookie 和网络信标等类似技术来存储您的偏好和设置、防止欺诈、验证用户身份并收集有关在线服务的运营数据。' +
    '代表我们提供网站分析等服务的第三方也可能设置 Cookie。严格必要的 Cookie 始终启用，其他 Cookie 仅在您同意后使用。',
  policyLink: '隐私声明',
  lastUpdated: '最后更新：{date}',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  categories: {
    necessary: { label: '严格必要', description: '用于验证用户身份、防止欺诈以及存储您的偏好和设置。始终启用。' },
    analytics: { label: '分析', description: '收集有关在线服务的运营数据，包括代表我们提供网站分析服务的第三方。' },
    marketing: { label: '营销', description: '向您展示有关其他产品和服务的信息和优惠。' },
  },
  channels: { email: '电子邮件', phone: '电话' },
  topics: { offers: '有关其他产品和服务的信息和优惠', feedback: '征求您的反馈和问卷调查' },
};
