import type { Messages } from './messages.js';

/** Português do Brasil, com as palavras da Declaração de Privacidade. */
export default {
  texts: {
    title: 'Suas opções de privacidade',
    body:
      'Usamos cookies e tecnologias semelhantes, como web beacons, para armazenar suas preferências e configurações, evitar ' +
      'fraudes, autenticar você e coletar dados operacionais sobre nossos Serviços Online. Terceiros que prestam serviços de ' +
      'análise do site em nosso nome também podem definir cookies. Os cookies estritamente necessários estão sempre ativos; os ' +
      'demais, somente com o seu consentimento.',
    whatChanged: 'Nossa Declaração de Privacidade mudou. O que mudou:',
    policyLink: 'Declaração de Privacidade',
    lastUpdated: 'Última atualização: {date}',
    acceptAll: 'Aceitar tudo',
    rejectAll: 'Rejeitar tudo',
    managePreferences: 'Gerenciar preferências',
    reopen: 'Configurações de cookies',
    preferencesTitle: 'Preferências de privacidade',
    preferencesIntro:
      'Escolha quais cookies podemos usar e como podemos entrar em contato com você. Você pode alterar essas opções a qualquer momento.',
    cookiesHeading: 'Cookies',
    alwaysActive: 'Sempre ativos',
    cookiesUsed: 'Cookies usados ({count})',
    cookieName: 'Nome',
    cookieProvider: 'Fornecedor',
    cookiePurpose: 'Finalidade',
    cookieDuration: 'Duração',
    separateHeading: 'Consentimento específico',
    separateIntro:
      'Cada um destes itens exige seu consentimento específico e explícito. "Aceitar tudo" nunca os ativa.',
    ageHeading: 'Confirme sua idade para o consentimento específico e as preferências de contato',
    ageConfirmation: 'Tenho {age} anos ou mais, ou tenho o consentimento do meu responsável legal',
    ageRequired: 'Confirme sua idade primeiro para ativar esta opção.',
    contactHeading: 'Preferências de contato',
    contactIntro:
      'De acordo com suas preferências de contato, poderemos entrar em contato com você por telefone ou e-mail com informações ' +
      'e ofertas sobre outros produtos e serviços, ou para pedir sua opinião.',
    serviceCommunications: 'Comunicações do serviço',
    serviceCommunicationsDescription:
      'Informações sobre novas assinaturas, cobrança e atualizações importantes dos Serviços Online, incluindo segurança e outras ' +
      'questões técnicas. Você não pode cancelar o recebimento delas durante um período razoável enquanto usa os Serviços Online ' +
      'ou depois, porque são necessárias para a prestação dos serviços.',
    saveChoices: 'Salvar opções',
    downloadRecord: 'Baixar meu registro de consentimento',
    deleteData: 'Excluir meus dados de preferências',
    deleteConfirm: 'Excluir suas opções neste dispositivo e o registro mantido delas? Perguntaremos novamente.',
    deleteConfirmButton: 'Excluir',
    cancel: 'Cancelar',
    deleted: 'Seus dados de preferências foram excluídos.',
    saved: 'Suas opções foram salvas.',
    close: 'Fechar',
    language: 'Idioma',
  },
  categories: {
    necessary: {
      label: 'Estritamente necessários',
      description: 'Autenticar você, evitar fraudes e armazenar suas preferências e configurações.',
    },
    analytics: {
      label: 'Análise',
      description:
        'Coletar dados operacionais sobre os Serviços Online, incluindo a análise do site feita por terceiros em nosso nome.',
    },
    marketing: {
      label: 'Marketing',
      description: 'Mostrar a você informações e ofertas sobre outros produtos e serviços.',
    },
  },
  channels: { email: 'E-mail', phone: 'Telefone' },
  topics: {
    offers: 'Informações e ofertas sobre outros produtos e serviços',
    feedback: 'Pedidos de opinião e pesquisas',
  },
} satisfies Messages;
