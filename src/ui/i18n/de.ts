import type { Messages } from './messages.js';

/** Deutsch, in den Worten der Datenschutzerklärung. */
export default {
  texts: {
    title: 'Ihre Datenschutzoptionen',
    body:
      'Wir verwenden Cookies und ähnliche Technologien wie Web Beacons, um Ihre Präferenzen und Einstellungen zu speichern, ' +
      'Betrug zu verhindern, Sie zu authentifizieren und Betriebsdaten über unsere Onlinedienste zu erheben. Dritte, die in ' +
      'unserem Auftrag Websiteanalysen durchführen, können ebenfalls Cookies setzen. Unbedingt erforderliche Cookies sind immer ' +
      'aktiv, alle anderen nur mit Ihrer Einwilligung.',
    whatChanged: 'Unsere Datenschutzerklärung wurde geändert. Die Änderungen:',
    policyLink: 'Datenschutzerklärung',
    lastUpdated: 'Zuletzt aktualisiert: {date}',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    managePreferences: 'Einstellungen verwalten',
    reopen: 'Cookie-Einstellungen',
    preferencesTitle: 'Datenschutzeinstellungen',
    preferencesIntro:
      'Wählen Sie, welche Cookies wir verwenden und wie wir Sie kontaktieren dürfen. Sie können diese Auswahl jederzeit ändern.',
    cookiesHeading: 'Cookies',
    alwaysActive: 'Immer aktiv',
    cookiesUsed: 'Verwendete Cookies ({count})',
    cookieName: 'Name',
    cookieProvider: 'Anbieter',
    cookiePurpose: 'Zweck',
    cookieDuration: 'Speicherdauer',
    separateHeading: 'Gesonderte Einwilligung',
    separateIntro:
      'Jeder dieser Punkte braucht Ihre gesonderte, ausdrückliche Einwilligung. „Alle akzeptieren“ schaltet sie nie ein.',
    ageHeading: 'Bestätigen Sie Ihr Alter für die gesonderte Einwilligung und die Kontakteinstellungen',
    ageConfirmation: 'Ich bin mindestens {age} Jahre alt oder habe die Einwilligung meines Erziehungsberechtigten',
    ageRequired: 'Bestätigen Sie zuerst Ihr Alter, um dies einzuschalten.',
    contactHeading: 'Kontakteinstellungen',
    contactIntro:
      'Entsprechend Ihren Kontakteinstellungen können wir Sie per Telefon oder E-Mail über andere Produkte und Dienste und ' +
      'Angebote dazu informieren oder Sie um Feedback bitten.',
    serviceCommunications: 'Servicemitteilungen',
    serviceCommunicationsDescription:
      'Informationen zu neuen Abonnements, zur Abrechnung und zu wichtigen Updates der Onlinedienste, einschließlich Sicherheit ' +
      'und anderer technischer Themen. Diese können Sie während eines angemessenen Zeitraums bei oder nach der Nutzung der ' +
      'Onlinedienste nicht abbestellen, da sie für die Bereitstellung der Dienste erforderlich sind.',
    saveChoices: 'Auswahl speichern',
    downloadRecord: 'Meinen Einwilligungsnachweis herunterladen',
    deleteData: 'Meine Einstellungsdaten löschen',
    deleteConfirm:
      'Ihre Auswahl auf diesem Gerät und den dazu gespeicherten Nachweis löschen? Sie werden dann erneut gefragt.',
    deleteConfirmButton: 'Löschen',
    cancel: 'Abbrechen',
    deleted: 'Ihre Einstellungsdaten wurden gelöscht.',
    saved: 'Ihre Auswahl wurde gespeichert.',
    close: 'Schließen',
    language: 'Sprache',
  },
  categories: {
    necessary: {
      label: 'Unbedingt erforderlich',
      description: 'Sie authentifizieren, Betrug verhindern und Ihre Präferenzen und Einstellungen speichern.',
    },
    analytics: {
      label: 'Analyse',
      description:
        'Betriebsdaten über die Onlinedienste erheben, einschließlich Websiteanalysen durch Dritte in unserem Auftrag.',
    },
    marketing: {
      label: 'Marketing',
      description: 'Ihnen Informationen und Angebote zu anderen Produkten und Diensten zeigen.',
    },
  },
  channels: { email: 'E-Mail', phone: 'Telefon' },
  topics: {
    offers: 'Informationen und Angebote zu anderen Produkten und Diensten',
    feedback: 'Bitten um Feedback und Umfragen',
  },
} satisfies Messages;
