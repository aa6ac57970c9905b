import type { Messages } from './messages.js';

/** Español, con las palabras de la Declaración de privacidad. */
export default {
  texts: {
    title: 'Sus opciones de privacidad',
    body:
      'Usamos cookies y tecnologías similares, como las balizas web, para guardar sus preferencias y configuración, prevenir el ' +
      'fraude, autenticarle y recopilar datos operativos sobre nuestros Servicios en línea. Los terceros que prestan en nuestro ' +
      'nombre servicios de análisis del sitio también pueden instalar cookies. Las cookies estrictamente necesarias están siempre ' +
      'activas; las demás, solo con su consentimiento.',
    whatChanged: 'Nuestra Declaración de privacidad ha cambiado. Qué ha cambiado:',
    policyLink: 'Declaración de privacidad',
    lastUpdated: 'Última actualización: {date}',
    acceptAll: 'Aceptar todo',
    rejectAll: 'Rechazar todo',
    managePreferences: 'Administrar preferencias',
    reopen: 'Configuración de cookies',
    preferencesTitle: 'Preferencias de privacidad',
    preferencesIntro:
      'Elija qué cookies podemos usar y cómo podemos ponernos en contacto con usted. Puede cambiar estas opciones en cualquier momento.',
    cookiesHeading: 'Cookies',
    alwaysActive: 'Siempre activas',
    cookiesUsed: 'Cookies usadas ({count})',
    cookieName: 'Nombre',
    cookieProvider: 'Proveedor',
    cookiePurpose: 'Finalidad',
    cookieDuration: 'Duración',
    separateHeading: 'Consentimiento independiente',
    separateIntro:
      'Cada una de estas opciones requiere su consentimiento independiente y explícito. «Aceptar todo» nunca las activa.',
    ageHeading: 'Confirme su edad para el consentimiento independiente y las preferencias de contacto',
    ageConfirmation: 'Tengo {age} años o más, o cuento con el consentimiento de mi tutor',
    ageRequired: 'Confirme primero su edad para activar esta opción.',
    contactHeading: 'Preferencias de contacto',
    contactIntro:
      'Según sus preferencias de contacto, podemos ponernos en contacto con usted por teléfono o correo electrónico para ' +
      'ofrecerle información y ofertas sobre otros productos y servicios, o para pedirle su opinión.',
    serviceCommunications: 'Comunicaciones del servicio',
    serviceCommunicationsDescription:
      'Información sobre nuevas suscripciones, facturación y actualizaciones importantes de los Servicios en línea, incluidas ' +
      'cuestiones de seguridad y otras cuestiones técnicas. No puede darse de baja de ellas durante un período razonable mientras ' +
      'usa los Servicios en línea o después, porque son necesarias para prestar los servicios.',
    saveChoices: 'Guardar opciones',
    downloadRecord: 'Descargar mi registro de consentimiento',
    deleteData: 'Eliminar mis datos de preferencias',
    deleteConfirm:
      '¿Eliminar sus opciones en este dispositivo y el registro que se guarda de ellas? Se le volverá a preguntar.',
    deleteConfirmButton: 'Eliminar',
    cancel: 'Cancelar',
    deleted: 'Sus datos de preferencias se han eliminado.',
    saved: 'Sus opciones se han guardado.',
    close: 'Cerrar',
    language: 'Idioma',
  },
  categories: {
    necessary: {
      label: 'Estrictamente necesarias',
      description: 'Autenticarle, prevenir el fraude y guardar sus preferencias y configuración.',
    },
    analytics: {
      label: 'Análisis',
      description:
        'Recopilar datos operativos sobre los Servicios en línea, incluido el análisis del sitio que hacen terceros en nuestro nombre.',
    },
    marketing: {
      label: 'Marketing',
      description: 'Mostrarle información y ofertas sobre otros productos y servicios.',
    },
  },
  channels: { email: 'Correo electrónico', phone: 'Teléfono' },
  topics: {
    offers: 'Información y ofertas sobre otros productos y servicios',
    feedback: 'Solicitudes de opinión y encuestas',
  },
} satisfies Messages;
