import type { Messages } from './messages.js';

/** 日本語。プライバシーに関する声明の表現に沿って書いています。 */
export default {
  texts: {
    title: 'プライバシーに関する選択',
    body:
      '当社は、お客様の設定や選択内容の保存、不正行為の防止、ユーザーの認証、およびオンライン サービスの運用データの収集のために、' +
      'Cookie および Web ビーコンなどの類似の技術を使用します。当社に代わってサイト分析などのサービスを提供する第三者も Cookie を' +
      '設定することがあります。厳密に必要な Cookie は常に有効で、その他の Cookie はお客様の同意がある場合にのみ使用します。',
    whatChanged: 'プライバシーに関する声明が変更されました。変更内容:',
    policyLink: 'プライバシーに関する声明',
    lastUpdated: '最終更新日: {date}',
    acceptAll: 'すべて受け入れる',
    rejectAll: 'すべて拒否する',
    managePreferences: '設定を管理する',
    reopen: 'Cookie の設定',
    preferencesTitle: 'プライバシーの設定',
    preferencesIntro:
      '当社が使用できる Cookie と、当社からの連絡方法を選択してください。選択内容はいつでも変更できます。',
    cookiesHeading: 'Cookie',
    alwaysActive: '常に有効',
    cookiesUsed: '使用している Cookie ({count})',
    cookieName: '名前',
    cookieProvider: '提供元',
    cookiePurpose: '目的',
    cookieDuration: '有効期間',
    separateHeading: '個別の同意',
    separateIntro:
      '以下の項目には、それぞれ個別の明示的な同意が必要です。「すべて受け入れる」を選んでも有効にはなりません。',
    ageHeading: '個別の同意と連絡に関する設定：年齢の確認',
    ageConfirmation: '{age} 歳以上である、または保護者の同意を得ています',
    ageRequired: 'この項目を有効にするには、先に年齢を確認してください。',
    contactHeading: '連絡に関する設定',
    contactIntro:
      'お客様の連絡に関する設定に従い、当社は他の製品やサービスに関する情報や特典のご案内、またはご意見のお願いのために、' +
      '電話または電子メールでご連絡することがあります。',
    serviceCommunications: 'サービスに関するお知らせ',
    serviceCommunicationsDescription:
      '新しいサブスクリプション、請求、およびオンライン サービスの重要な更新 (セキュリティやその他の技術的な問題を含む) に関する' +
      '情報です。サービスの提供に必要なため、オンライン サービスのご利用中およびご利用後の合理的な期間は、配信を停止できません。',
    saveChoices: '選択内容を保存',
    downloadRecord: '同意の記録をダウンロード',
    deleteData: '設定データを削除',
    deleteConfirm: 'このデバイス上の選択内容と、その記録を削除しますか? 削除すると、改めてお伺いします。',
    deleteConfirmButton: '削除',
    cancel: 'キャンセル',
    deleted: '設定データを削除しました。',
    saved: '選択内容を保存しました。',
    close: '閉じる',
    language: '言語',
  },
  categories: {
    necessary: {
      label: '厳密に必要',
      description: 'ユーザーの認証、不正行為の防止、およびお客様の設定や選択内容の保存に使用します。',
    },
    analytics: {
      label: '分析',
      description: 'オンライン サービスの運用データを収集します。当社に代わって第三者が行うサイト分析を含みます。',
    },
    marketing: { label: 'マーケティング', description: '他の製品やサービスに関する情報や特典をご案内します。' },
  },
  channels: { email: '電子メール', phone: '電話' },
  topics: { offers: '他の製品やサービスに関する情報や特典', feedback: 'ご意見のお願いとアンケート' },
} satisfies Messages;
