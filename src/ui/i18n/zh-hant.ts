import type { Messages } from './messages.js';

/**
 * 繁體中文，供香港、澳門和台灣的訪客使用。用詞取各地通用者（資料、網站、欺詐、記錄、您的身分），不用中國大陸的
 * 用詞（數據、網頁、用戶）；兩地用詞不同而無通用詞時（隱私／私隱、行銷／市場推廣），取台灣用詞，網站可在
 * config `texts["zh-Hant"]` 中改用香港用詞。
 */
export default {
  texts: {
    title: '您的隱私選擇',
    body:
      '我們使用 Cookie 及網頁信標等類似技術來儲存您的偏好和設定、防止欺詐、驗證您的身分，並收集有關線上服務的營運資料。' +
      '代表我們提供網站分析等服務的第三方也可能設定 Cookie。絕對必要的 Cookie 一律啟用，其他 Cookie 僅在您同意後使用。',
    whatChanged: '我們的隱私聲明已更新。變更內容：',
    policyLink: '隱私聲明',
    lastUpdated: '最後更新：{date}',
    acceptAll: '全部接受',
    rejectAll: '全部拒絕',
    managePreferences: '管理偏好設定',
    reopen: 'Cookie 設定',
    preferencesTitle: '隱私偏好設定',
    preferencesIntro: '請選擇我們可以使用的 Cookie，以及我們與您聯絡的方式。您可以隨時變更這些選擇。',
    cookiesHeading: 'Cookie',
    alwaysActive: '一律啟用',
    cookiesUsed: '使用的 Cookie（{count}）',
    cookieName: '名稱',
    cookieProvider: '提供者',
    cookiePurpose: '用途',
    cookieDuration: '有效期限',
    separateHeading: '單獨同意',
    separateIntro: '以下每一項都需要您單獨、明確的同意。「全部接受」不會開啟這些項目。',
    ageHeading: '單獨同意和聯絡偏好：請先確認年齡',
    ageConfirmation: '我已年滿 {age} 歲，或已取得監護人的同意',
    ageRequired: '請先確認年齡，才能開啟此項目。',
    contactHeading: '聯絡偏好',
    contactIntro:
      '根據您的聯絡偏好，我們可能透過電話或電子郵件向您提供有關其他產品和服務的資訊及優惠，或徵詢您的意見。',
    serviceCommunications: '服務通知',
    serviceCommunicationsDescription:
      '有關新訂閱、帳單以及線上服務重要更新（包括安全性或其他技術問題）的資訊。' +
      '在您使用線上服務期間及之後的合理期間內，您無法取消訂閱此類通知，因為提供服務需要這些通知。',
    saveChoices: '儲存選擇',
    downloadRecord: '下載我的同意記錄',
    deleteData: '刪除我的偏好資料',
    deleteConfirm: '要刪除您在此裝置上的選擇以及為其保存的記錄嗎？刪除後我們會再次詢問您。',
    deleteConfirmButton: '刪除',
    cancel: '取消',
    deleted: '您的偏好資料已刪除。',
    saved: '您的選擇已儲存。',
    close: '關閉',
    language: '語言',
  },
  categories: {
    necessary: { label: '絕對必要', description: '用於驗證您的身分、防止欺詐以及儲存您的偏好和設定。' },
    analytics: { label: '分析', description: '收集有關線上服務的營運資料，包括代表我們提供網站分析服務的第三方。' },
    marketing: { label: '行銷', description: '向您提供有關其他產品和服務的資訊及優惠。' },
  },
  channels: { email: '電子郵件', phone: '電話' },
  topics: { offers: '有關其他產品和服務的資訊及優惠', feedback: '徵詢您的意見及問卷調查' },
} satisfies Messages;
