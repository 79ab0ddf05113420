import type { SafeMessages } from './en.ts';

/** Português: vocabulário das páginas (denúncia, recibo, cifrar), como se escreve em Angola. */
export const pt: SafeMessages = {
  language: 'Idioma',
  channelsTitle: 'Denunciar sem JavaScript',
  channelsHeading: 'Denunciar irregularidades sem JavaScript',
  channelsChoose: 'Escolha a organização a quem denunciar',
  channelsNone: 'De momento, nenhuma organização recebe denúncias.',
  returnLink: 'Tenho um recibo: voltar à minha denúncia',
  required: 'obrigatória',
  optional: 'opcional',
  yes: 'Sim',
  no: 'Não',
  reportTitle: 'Denúncia a {name}',
  reportFiles: 'Ficheiros (opcional: no máximo {files}, {mib} MiB no total)',
  reportSend: 'Cifrar e enviar a denúncia',
  reportAnother: 'Escolher outra organização',
  receiptTitle: 'O seu recibo',
  receiptHeading: 'A sua denúncia foi recebida',
  receiptFiles: 'Ficheiros cifrados com ela: {count}.',
  receiptKeep:
    'Escreva este recibo, ou guarde-o num sítio a que só você tenha acesso. Com ele pode voltar, ler as perguntas da organização e responder. Só é mostrado uma vez: ninguém lho pode voltar a dar.',
  receiptFilesFailed:
    'Ficheiros que não foi possível guardar: {count}. A denúncia em si foi guardada. Pode enviá-los com o JavaScript ligado, voltando com este recibo.',
  receiptShare: 'Quem tiver o recibo pode ler a sua denúncia: não o partilhe.',
  returnTitle: 'Voltar com o seu recibo',
  returnHeading: 'Voltar à sua denúncia',
  formReply: 'A sua resposta',
  formReceipt: 'O seu recibo',
  formReceiptAgain: 'O seu recibo (de novo: o servidor não guarda nenhuma chave entre páginas)',
  formSendReply: 'Cifrar e enviar a resposta',
  formOpen: 'Abrir a minha denúncia',
  caseTitle: 'A sua denúncia',
  caseYou: 'Você',
  caseInvestigator: 'Investigador/a',
  caseUnverified: 'Uma mensagem que não foi possível verificar',
  caseStatus: 'Estado:',
  caseReceived: '(recebida em {date})',
  caseReplied: 'A sua resposta foi cifrada e enviada.',
  caseMessages: 'Mensagens',
  caseNoMessages: 'Ainda não há mensagens. Volte mais tarde.',
  caseAnswer: 'Responder',
  caseClosed: 'Este caso está encerrado e não aceita mais respostas.',
  caseLeave: 'Sair',
  statusSubmitted: 'Recebida',
  statusAcknowledged: 'Recepção confirmada',
  statusInReview: 'Em apreciação',
  statusInvestigating: 'Em investigação',
  statusClosed: 'Encerrada',
  errorTitle: 'Não enviado',
  errorHeading: 'Nada foi enviado',
  errorNothingSaved:
    'Nada foi guardado. O botão Voltar do seu navegador leva-o de volta ao formulário com o que escreveu.',
  errorStart: 'Página inicial sem JavaScript',
  errorFormRefused:
    'O formulário expirou ou não veio deste site. Volte atrás, recarregue a página e envie-o de novo.',
  errorAnswersMissing: 'Uma pergunta obrigatória não tem resposta.',
  errorInvalid: 'O formulário não tem o conteúdo esperado.',
  errorUnknownChannel: 'Essa organização não existe.',
  errorNotFound: 'Esta página não existe.',
  errorRateLimited: 'Demasiados pedidos. Aguarde e tente de novo.',
  errorBusy: 'O serviço está ocupado. Tente de novo.',
  errorRecipients:
    'Não foi possível verificar a lista de destinatários desta organização, por isso nada foi cifrado para ela.',
  errorReceipt: 'Não foi possível verificar o recibo.',
  errorClosed: 'Este caso está encerrado e não aceita mais respostas.',
  errorTooLarge:
    'O formulário é demasiado grande: anexe menos ficheiros ou ficheiros mais pequenos.',
  errorStorage:
    'De momento, o servidor não consegue guardar nada e não guardou isto. Tente de novo mais tarde.',
  errorOther: 'Algo correu mal. Tente de novo.',
  promiseHeading: 'Antes de escrever: o que esta página pode e não pode prometer',
  promiseServerHtml:
    'O seu navegador não executa JavaScript, por isso não pode cifrar a denúncia sozinho. Nesta página, <strong>o servidor vê o que escreve e os ficheiros que anexa enquanto os cifra</strong>, durante o tempo que isso demora, e depois guarda apenas a cópia cifrada, que só os investigadores da organização podem abrir. É assim que funcionam o SecureDrop e o GlobaLeaks. Quem controlar o servidor nesse momento poderia lê-la.',
  promiseStrongerHtml:
    'Com o JavaScript ligado, a sua denúncia é cifrada no seu próprio navegador e o servidor nunca a vê. Para isso: no Tor Browser, abra o ícone do escudo, escolha <em>Configurações</em>, ponha o nível de segurança em <em>Mais seguro</em> e abra de novo <a href="/">a página inicial</a>.',
  promiseFiles:
    'Os ficheiros são enviados tal como estão: fotografias e documentos podem conter o seu nome, o seu aparelho ou um local. Retire o que puder antes de os anexar.',
  caseReferralTitle: 'Outra organização',
  caseReferralUnknown: 'uma organização que não consta aqui',
  caseReferralProposed:
    'Em {date}, os investigadores propuseram encaminhar a sua denúncia para {organisation}. Nada é partilhado sem o seu acordo.',
  caseReferralAccepted: 'A sua denúncia foi encaminhada para {organisation} com o seu acordo.',
  caseReferralInformed:
    'A sua denúncia foi encaminhada para {organisation}: a organização a quem denunciou é obrigada por lei a encaminhá-la.',
  caseReferralDeclined:
    'Recusou encaminhar a sua denúncia para {organisation}. Nada foi partilhado.',
  caseReferralReason: 'O motivo deles:',
  caseReferralUnverified:
    'Não foi possível verificar esta proposta, por isso o motivo não é mostrado e não pode responder aqui.',
  caseReferralChoice:
    'Se concordar, {organisation} poderá ler a sua denúncia e as suas mensagens e tratá-la com os seus próprios prazos.',
  caseReferralAccept: 'Concordar: encaminhar',
  caseReferralDecline: 'Recusar: manter aqui',
};
