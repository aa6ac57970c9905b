import type { Messages } from './messages.js';

/** Français, dans les termes de la Déclaration de confidentialité. */
export default {
  texts: {
    title: 'Vos choix en matière de confidentialité',
    body:
      'Nous utilisons des cookies et des technologies similaires, comme les balises web, pour enregistrer vos préférences et ' +
      'paramètres, prévenir la fraude, vous authentifier et collecter des données d’exploitation sur nos Services en ligne. ' +
      'Des tiers qui fournissent pour notre compte des services d’analyse du site peuvent aussi déposer des cookies. Les cookies ' +
      'strictement nécessaires sont toujours actifs ; les autres ne le sont qu’avec votre consentement.',
    whatChanged: 'Notre Déclaration de confidentialité a changé. Ce qui a changé :',
    policyLink: 'Déclaration de confidentialité',
    lastUpdated: 'Dernière mise à jour : {date}',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    managePreferences: 'Gérer les préférences',
    reopen: 'Paramètres des cookies',
    preferencesTitle: 'Préférences de confidentialité',
    preferencesIntro:
      'Choisissez les cookies que nous pouvons utiliser et la façon dont nous pouvons vous contacter. Vous pouvez modifier ces choix à tout moment.',
    cookiesHeading: 'Cookies',
    alwaysActive: 'Toujours actifs',
    cookiesUsed: 'Cookies utilisés ({count})',
    cookieName: 'Nom',
    cookieProvider: 'Fournisseur',
    cookiePurpose: 'Finalité',
    cookieDuration: 'Durée',
    separateHeading: 'Consentement distinct',
    separateIntro:
      'Chacun de ces éléments demande votre consentement distinct et explicite. « Tout accepter » ne les active jamais.',
    ageHeading: 'Confirmez votre âge pour le consentement distinct et les préférences de contact',
    ageConfirmation: 'J’ai {age} ans ou plus, ou j’ai le consentement de mon tuteur légal',
    ageRequired: 'Confirmez d’abord votre âge pour activer cette option.',
    contactHeading: 'Préférences de contact',
    contactIntro:
      'Selon vos préférences de contact, nous pouvons vous contacter par téléphone ou par e-mail pour vous présenter des ' +
      'informations et des offres sur d’autres produits et services, ou pour vous demander votre avis.',
    serviceCommunications: 'Communications relatives au service',
    serviceCommunicationsDescription:
      'Informations sur les nouveaux abonnements, la facturation et les mises à jour importantes des Services en ligne, y compris ' +
      'la sécurité et d’autres questions techniques. Vous ne pouvez pas vous en désabonner pendant une période raisonnable, ' +
      'pendant ou après votre utilisation des Services en ligne, car elles sont nécessaires à la fourniture des services.',
    saveChoices: 'Enregistrer mes choix',
    downloadRecord: 'Télécharger l’enregistrement de mon consentement',
    deleteData: 'Supprimer mes données de préférences',
    deleteConfirm:
      'Supprimer vos choix sur cet appareil et l’enregistrement qui en est conservé ? La question vous sera posée à nouveau.',
    deleteConfirmButton: 'Supprimer',
    cancel: 'Annuler',
    deleted: 'Vos données de préférences ont été supprimées.',
    saved: 'Vos choix ont été enregistrés.',
    close: 'Fermer',
    language: 'Langue',
  },
  categories: {
    necessary: {
      label: 'Strictement nécessaires',
      description: 'Vous authentifier, prévenir la fraude et enregistrer vos préférences et paramètres.',
    },
    analytics: {
      label: 'Mesure d’audience',
      description:
        'Collecter des données d’exploitation sur les Services en ligne, y compris l’analyse du site effectuée par des tiers pour notre compte.',
    },
    marketing: {
      label: 'Marketing',
      description: 'Vous présenter des informations et des offres sur d’autres produits et services.',
    },
  },
  channels: { email: 'E-mail', phone: 'Téléphone' },
  topics: {
    offers: 'Informations et offres sur d’autres produits et services',
    feedback: 'Demandes d’avis et enquêtes',
  },
} satisfies Messages;
