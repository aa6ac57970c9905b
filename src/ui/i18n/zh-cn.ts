import { zhCNBanner } from './zh-cn-banner.js';
import type { Messages } from './messages.js';

/** 简体中文，尽量采用隐私声明中文版的原有表述。 */
export const zhCN: Messages = {
  texts: {
    ...zhCNBanner.texts,
    preferencesTitle: '隐私偏好设置',
    preferencesIntro: '请选择我们可以使用的 Cookie 以及我们联系您的方式。您可以随时更改这些选择。',
    cookiesHeading: 'Cookie',
    alwaysActive: '始终启用',
    cookiesUsed: '使用的 Cookie（{count}）',
    cookieName: '名称',
    cookieProvider: '提供方',
    cookiePurpose: '用途',
    cookieDuration: '有效期',
    separateHeading: '单独同意',
    separateIntro: '以下每一项都需要您单独、明确的同意。“全部接受”不会开启这些选项。',
    ageHeading: '单独同意和联系偏好：请先确认年龄',
    ageConfirmation: '我已年满 {age} 周岁，或已取得监护人的同意',
    ageRequired: '请先确认年龄，然后才能开启此项。',
    contactHeading: '联系偏好',
    contactIntro:
      '根据您的联系偏好，我们可能通过电话或电子邮件向您发送有关其他产品和服务的信息和优惠，或征求您的反馈。',
    serviceCommunications: '服务通知',
    serviceCommunicationsDescription:
      '有关新订阅、账单以及在线服务重要更新（包括安全或其他技术问题）的信息。' +
      '在您使用在线服务期间及之后的合理期限内，您无法退订此类通知，因为提供服务需要这些通知。',
    saveChoices: '保存选择',
    downloadRecord: '下载我的同意记录',
    deleteData: '删除我的偏好数据',
    deleteConfirm: '要删除您在此设备上的选择以及为其保存的记录吗？删除后我们会再次询问您。',
    deleteConfirmButton: '删除',
    cancel: '取消',
    deleted: '您的偏好数据已删除。',
    saved: '您的选择已保存。',
    close: '关闭',
    language: '语言',
  },
  categories: {
    necessary: { label: '严格必要', description: '用于验证用户身份、防止欺诈以及存储您的偏好和设置。' },
    analytics: { label: '分析', description: '收集有关在线服务的运营数据，包括代表我们提供网站分析服务的第三方。' },
    marketing: { label: '营销', description: '向您展示有关其他产品和服务的信息和优惠。' },
  },
  channels: { email: '电子邮件', phone: '电话' },
  topics: { offers: '有关其他产品和服务的信息和优惠', feedback: '征求您的反馈和问卷调查' },
};
