import type { Messages } from './messages.js';

/** 한국어. 개인정보처리방침의 표현을 따릅니다. */
export default {
  texts: {
    title: '개인정보 보호 선택',
    body:
      '당사는 사용자의 기본 설정 및 설정 저장, 사기 방지, 사용자 인증, 온라인 서비스 운영 데이터 수집을 위해 쿠키 및 웹 비콘과 같은 ' +
      '유사 기술을 사용합니다. 당사를 대신하여 사이트 분석 등의 서비스를 제공하는 제3자도 쿠키를 설정할 수 있습니다. ' +
      '반드시 필요한 쿠키는 항상 사용되며, 그 밖의 쿠키는 사용자가 동의한 경우에만 사용됩니다.',
    whatChanged: '개인정보처리방침이 변경되었습니다. 변경 내용:',
    policyLink: '개인정보처리방침',
    lastUpdated: '최종 업데이트: {date}',
    acceptAll: '모두 수락',
    rejectAll: '모두 거부',
    managePreferences: '기본 설정 관리',
    reopen: '쿠키 설정',
    preferencesTitle: '개인정보 기본 설정',
    preferencesIntro:
      '당사가 사용할 수 있는 쿠키와 당사가 연락할 수 있는 방법을 선택하세요. 선택 사항은 언제든지 변경할 수 있습니다.',
    cookiesHeading: '쿠키',
    alwaysActive: '항상 사용',
    cookiesUsed: '사용되는 쿠키({count})',
    cookieName: '이름',
    cookieProvider: '제공자',
    cookiePurpose: '목적',
    cookieDuration: '보존 기간',
    separateHeading: '별도 동의',
    separateIntro: '다음 항목은 각각 별도의 명시적인 동의가 필요합니다. "모두 수락"을 선택해도 켜지지 않습니다.',
    ageHeading: '별도 동의 및 연락 기본 설정: 연령 확인',
    ageConfirmation: '만 {age}세 이상이거나 보호자의 동의를 받았습니다',
    ageRequired: '이 항목을 켜려면 먼저 나이를 확인하세요.',
    contactHeading: '연락 기본 설정',
    contactIntro:
      '사용자의 연락 기본 설정에 따라 당사는 다른 제품 및 서비스에 관한 정보와 혜택을 안내하거나 의견을 요청하기 위해 ' +
      '전화 또는 이메일로 연락할 수 있습니다.',
    serviceCommunications: '서비스 안내',
    serviceCommunicationsDescription:
      '신규 구독, 청구 및 온라인 서비스의 중요한 업데이트(보안 또는 기타 기술 문제 포함)에 관한 정보입니다. 서비스 제공에 ' +
      '필요하므로 온라인 서비스 이용 중 및 이용 후 합리적인 기간 동안에는 수신을 거부할 수 없습니다.',
    saveChoices: '선택 사항 저장',
    downloadRecord: '내 동의 기록 다운로드',
    deleteData: '내 기본 설정 데이터 삭제',
    deleteConfirm: '이 기기의 선택 사항과 그 기록을 삭제하시겠습니까? 삭제하면 다시 여쭤봅니다.',
    deleteConfirmButton: '삭제',
    cancel: '취소',
    deleted: '기본 설정 데이터가 삭제되었습니다.',
    saved: '선택 사항이 저장되었습니다.',
    close: '닫기',
    language: '언어',
  },
  categories: {
    necessary: { label: '반드시 필요', description: '사용자 인증, 사기 방지, 기본 설정 및 설정 저장에 사용됩니다.' },
    analytics: {
      label: '분석',
      description: '온라인 서비스 운영 데이터를 수집하며, 당사를 대신하여 제3자가 수행하는 사이트 분석을 포함합니다.',
    },
    marketing: { label: '마케팅', description: '다른 제품 및 서비스에 관한 정보와 혜택을 보여 드립니다.' },
  },
  channels: { email: '이메일', phone: '전화' },
  topics: { offers: '다른 제품 및 서비스에 관한 정보와 혜택', feedback: '의견 요청 및 설문 조사' },
} satisfies Messages;
