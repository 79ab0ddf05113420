// Português (as written in Angola and Mozambique: European-based vocabulary and the spelling
// Angola still uses, e.g. "recepção", "protecção", "actual"; no Brazil-only words such as
// arquivo, tela, celular, usuário, senha, baixar). Not yet reviewed by a native speaker: status
// 'complete' means every key is translated, not that the wording is signed off (reviewedBy stays
// unset until it is).
//
// Glossary (one word for one thing, everywhere):
//   report          denúncia                whistleblower   denunciante
//   receipt         recibo                  channel         canal
//   investigator    investigador            evidence        provas
//   acknowledge     confirmar a recepção    acknowledgement aviso de recepção
//   recipient       destinatário            organisation    organização
//   lock (encrypt)  cifrar (trancar)        decrypt         decifrar
//   deployment      instalação              deployment key  chave da instalação
//   case            caso                    queue           fila
//   triage          triagem                 label           etiqueta
//   safety number   número de segurança     vault           cofre
//   authenticator   aplicação autenticadora recovery key    chave de recuperação
//   audit log       registo de auditoria    purge           eliminar definitivamente
//   file / browser / tab / password / user name:
//                   ficheiro / navegador / separador / palavra-passe / nome de utilizador
//   desk            Gabinete (the investigators' side)
import type { Locale } from './locale';

export default {
  meta: { code: 'pt', name: 'Português', dir: 'ltr', status: 'complete' },
  messages: {
    'app.name': 'Integrity Desk',
    'noscript.safe':
      'O JavaScript está desligado neste navegador (por exemplo, o Tor Browser no nível "O mais seguro"), por isso estas páginas não podem cifrar a sua denúncia aqui.',
    'noscript.link': 'Denunciar ou voltar sem JavaScript',
    'noscript.promise':
      'Nessas páginas, o servidor vê o que escreve enquanto o cifra. Ligue o JavaScript (nível de segurança "Mais seguro") para a proteção mais forte.',
    'app.skip': 'Saltar para o conteúdo principal',
    'app.demo': 'Instalação de demonstração: não envie aqui denúncias reais.',
    'app.unpinned':
      'Esta cópia do sítio não tem a chave da instalação fixada, por isso não consegue distinguir as chaves dos verdadeiros destinatários de chaves que o servidor coloque no lugar delas. Não envie nenhuma denúncia até o administrador terminar a configuração.',
    'app.loading': 'A carregar…',
    'app.error': 'Algo correu mal. Tente novamente.',
    'app.offline': 'Não foi possível contactar o servidor. Verifique a ligação e tente novamente.',
    'app.back': 'Voltar',
    'app.next': 'Seguinte',
    'app.cancel': 'Cancelar',
    'app.required': 'obrigatório',
    'app.optional': 'opcional',
    'app.sessionLost':
      'Esta página guarda a sua denúncia apenas na memória. Foi recarregada ou aberta directamente, por isso comece de novo, por favor.',

    'nav.home': 'Início',
    'nav.report': 'Fazer uma denúncia',
    'nav.return': 'Tenho um recibo',
    'nav.main': 'Principal',

    'landing.title': 'Denuncie irregularidades em segurança',
    'landing.lead':
      'O Integrity Desk permite-lhe informar organizações de confiança sobre corrupção, fraude ou abuso de poder sem dizer a ninguém quem é.',
    'landing.who.title': 'Quem recebe a sua denúncia',
    'landing.who.body':
      'Escolhe uma organização destinatária, como um grupo da sociedade civil, um sindicato, uma redacção ou um órgão de fiscalização. Só os investigadores dessa organização podem ler o que escrever. As pessoas que gerem este sítio não podem.',
    'landing.safety.title': 'Antes de começar: proteja-se',
    'landing.safety.tor':
      'Use o Tor Browser, se puder. Esconde o local de onde se liga. Pode descarregá-lo em torproject.org.',
    'landing.safety.device':
      'Use um telefone ou computador que não pertença ao seu empregador nem seja gerido por ele, numa rede que ele não controle: não use o Wi-Fi do escritório nem um portátil do trabalho.',
    'landing.safety.work':
      'Não faça a denúncia a partir do trabalho e não diga a colegas que está a denunciar.',
    'landing.safety.details':
      'Pense no que escreve: pormenores que poucas pessoas conhecem podem apontar para si. Deixe-os de fora, a menos que sejam necessários.',
    'landing.safety.files':
      'Os ficheiros podem conter informação escondida, como o nome do autor ou o local onde uma fotografia foi tirada. As fotografias são limpas no seu navegador antes de serem enviadas; os outros documentos não.',
    'landing.how.title': 'Como o seu anonimato é protegido',
    'landing.how.body1':
      'A sua denúncia é trancada (cifrada) neste navegador antes de sair do seu aparelho. O servidor guarda apenas a versão trancada e não regista o seu endereço de internet.',
    'landing.how.body2':
      'No fim, recebe um código de recibo. É a única chave da sua denúncia: com ele pode voltar, ler perguntas dos investigadores e responder-lhes. Ninguém consegue recuperar um recibo perdido, nem mesmo nós.',
    'landing.limits.title': 'Do que isto não o pode proteger',
    'landing.limits.body':
      'Nenhum sítio na internet o pode esconder se o seu aparelho estiver a ser vigiado, se alguém vir o seu ecrã ou se o que escrever o identificar. O seu fornecedor de internet ou o seu empregador podem ver que visitou este sítio, a menos que use o Tor Browser.',
    'landing.start': 'Fazer uma denúncia',
    'landing.return': 'Consultar uma denúncia com o seu recibo',

    'channel.title': 'Escolha quem deve receber a sua denúncia',
    'channel.lead':
      'Escolha a organização em que confia para investigar o assunto. Só ela a pode ler.',
    'channel.none': 'De momento, nenhuma organização está a aceitar denúncias.',
    'channel.choose': 'Escolher {name}',

    'questions.title': 'Conte-nos o que aconteceu',
    'questions.step': 'Pergunta {n} de {total}',
    'questions.missing': 'Responda a esta pergunta: é obrigatória.',
    'questions.yes': 'Sim',
    'questions.no': 'Não',
    'questions.memory':
      'As suas respostas ficam apenas neste separador do navegador até as enviar. Fechar o separador apaga-as.',

    'evidence.title': 'Juntar provas (opcional)',
    'evidence.lead':
      'Pode anexar fotografias e documentos. As fotografias são limpas aqui, no seu navegador, antes de serem enviadas.',
    'evidence.add': 'Escolher ficheiros',
    'evidence.none': 'Nenhum ficheiro adicionado.',
    'evidence.remove': 'Remover {name}',
    'evidence.cleaned': 'Limpo: {removed}',
    'evidence.cleanedNothing': 'Recodificado; não foi encontrada informação escondida.',
    'evidence.cleanFailed': 'Não foi possível limpar esta imagem, por isso não foi adicionada.',
    'evidence.warnDocument':
      'Atenção: {name} é um documento que pode conter o nome do autor, a organização, o computador onde foi feito ou versões anteriores do texto. Não é limpo. Continue apenas se isso for seguro para si.',
    'evidence.keepDocument': 'Anexar mesmo assim',
    'evidence.dropDocument': 'Não anexar',
    'evidence.removed.exif': 'informação da câmara e de edição (EXIF)',
    'evidence.removed.gps': 'localização (GPS)',
    'evidence.removed.xmp': 'metadados XMP',
    'evidence.removed.iptc': 'metadados IPTC',
    'evidence.removed.comment': 'comentários',
    'evidence.removed.icc': 'perfil de cor',
    'evidence.removed.text': 'blocos de texto',
    'evidence.size': '{size}',

    'review.title': 'Verifique a sua denúncia',
    'review.lead': 'Isto é o que vai ser trancado e enviado para {name}.',
    'review.channel': 'Destinatário',
    'review.answers': 'As suas respostas',
    'review.files': 'Ficheiros',
    'review.empty': '(sem resposta)',
    'review.submit': 'Trancar e enviar',
    'review.edit': 'Alterar respostas',

    'submit.title': 'A enviar a sua denúncia',
    'submit.work': 'A provar que isto não é um ataque automático (pode demorar um minuto)',
    'submit.workLeftSeconds': 'Faltam cerca de {seconds} s neste dispositivo',
    'submit.workLeftMinutes': 'Faltam cerca de {minutes} min neste dispositivo',
    'submit.workSoon': 'Falta muito pouco',
    'submit.keys': 'A criar o seu recibo',
    'submit.encrypt': 'A trancar a sua denúncia',
    'submit.upload': 'A enviar',
    'submit.done': 'Enviada',
    'submit.retrying':
      'A ligação caiu. Vamos tentar de novo dentro de momentos; o que já foi enviado fica guardado.',
    'submit.failed': 'O envio falhou. A sua denúncia continua neste separador.',
    'submit.recipientsChanged':
      'Enquanto escrevia, a organização mudou quem recebe as suas denúncias. A sua denúncia está a ser trancada de novo para os destinatários actuais.',
    'submit.recipientsFailed':
      'A organização mudou quem recebe as suas denúncias e não foi possível verificar a nova lista. Nada foi enviado. Tente de novo dentro de alguns minutos; a sua denúncia fica neste separador até o fechar.',
    'submit.retry': 'Tentar novamente',
    'submit.progress': '{label}: {percent}%',

    'receipt.title': 'O seu recibo',
    'receipt.lead':
      'Anote este recibo e guarde-o num lugar seguro e privado. É o único caminho de volta à sua denúncia. Não voltará a ser mostrado e ninguém o pode recuperar.',
    'receipt.copy': 'Copiar',
    'receipt.copied': 'Copiado. Limpe a área de transferência depois de o guardar.',
    'receipt.confirm': 'Escreva aqui o recibo para verificar que o anotou correctamente',
    'receipt.mismatch': 'Não corresponde. Verifique o que anotou e tente novamente.',
    'receipt.confirmed': 'Correcto. Já pode sair desta página.',
    'receipt.check': 'Verificar',
    'receipt.finish': 'Concluir',
    'receipt.hearBack': 'A organização deve confirmar a recepção da sua denúncia até {date}.',

    'return.title': 'Consultar a sua denúncia',
    'return.lead': 'Introduza o recibo que recebeu quando enviou a sua denúncia.',
    'return.label': 'Recibo',
    'return.open': 'Abrir a minha denúncia',
    'return.deriving': 'A destrancar com o seu recibo…',
    'return.derivingOld':
      'Este recibo é anterior a uma mudança na forma como os recibos se destrancam. Destrancá-lo demora mais: segundos num computador, até um ou dois minutos num telefone lento ou no Tor Browser.',
    'progress.elapsed': 'Em curso: {seconds} s até agora.',
    'progress.secondsLeft': 'Faltam cerca de {left} s ({seconds} s até agora).',
    'progress.minutesLeft': 'Faltam cerca de {minutes} minutos ({seconds} s até agora).',
    'return.invalid': 'Esse recibo não é válido. Verifique cada grupo de caracteres.',
    'return.unknown': 'Nenhuma denúncia corresponde a este recibo.',
    'returnRefused.title': 'Pare: não envie mais nada através deste sítio',
    'returnRefused.lead':
      'O seu navegador comparou o que o servidor devolveu com o seu recibo, e não corresponde à denúncia que enviou. Alguém pode ter adulterado este sítio, por isso nada mais foi enviado e a sua denúncia não é mostrada.',
    'returnRefused.noMore':
      'Não envie respostas, ficheiros nem mais nada através deste sítio até que a organização que o gere lhe diga, por outro meio em que confie, que voltou a ser seguro.',
    'returnRefused.keepReceipt':
      'Guarde o seu recibo em segurança e em segredo: continua a ser o único caminho de volta à sua denúncia, e ninguém o pode repor.',
    'returnRefused.close': 'Já pode fechar este separador. Nada do seu recibo fica guardado nele.',

    'case.title': 'A sua denúncia',
    'case.outcome': 'Resultado',
    'case.status': 'Estado',
    'case.submitted': 'Enviada em {date}',
    'case.ackBy': 'Deverá receber um aviso de recepção até {date}.',
    'case.feedbackBy': 'Até {date} saberá o que está a ser feito.',
    'case.timeline': 'O que aconteceu',
    'case.timelineEntry': '{date}: {what}',
    'case.messages': 'Mensagens',
    'case.noMessages': 'Ainda não há mensagens.',
    'case.fromYou': 'Você',
    'case.fromDesk': 'Investigador',
    'case.reply': 'A sua resposta',
    'case.send': 'Enviar resposta',
    'case.sent': 'Resposta enviada.',
    'case.addEvidence': 'Juntar mais provas',
    'case.uploadEvidence': 'Enviar ficheiros',
    'case.evidenceSent': 'Ficheiros enviados.',
    'case.logout': 'Terminar sessão',
    'case.refresh': 'Ver se há novidades',
    'case.loggedOut': 'Terminou a sessão. Feche este separador quando tiver acabado.',
    'case.unverified': 'Mensagem não verificada, não mostrada',
    'case.unverifiedDetail':
      'Esta mensagem falhou a verificação de integridade, por isso não são mostrados nem o texto nem quem a escreveu. Alguém que controle o servidor pode tê-la falsificado, alterado ou repetido. As outras mensagens estão verificadas.',
    'case.missingBefore':
      '{count, plural, =0 {# mensagens anteriores deste autor faltam} one {# mensagem anterior deste autor falta} other {# mensagens anteriores deste autor faltam}} aqui: o servidor não as entregou.',

    'status.submitted': 'Recebida',
    'status.acknowledged': 'Recepção confirmada',
    'status.in_review': 'Em apreciação',
    'status.investigating': 'Em investigação',
    'status.closed': 'Encerrada',
    'status.purged': 'Eliminada',

    'outcome.substantiated': 'A denúncia foi considerada verdadeira',
    'outcome.unsubstantiated': 'Não foi possível confirmar a denúncia',
    'outcome.no_action_possible': 'Não foi possível tomar medidas',
    'outcome.referred_elsewhere': 'Encaminhada para outra entidade',
    'nav.statistics': 'Estatísticas',
    'sector.procurement': 'Contratação pública',
    'sector.police': 'Polícia',
    'sector.health': 'Saúde',
    'sector.mining': 'Mineração',
    'sector.fisheries': 'Pescas',
    'sector.land': 'Terra',
    'sector.other': 'Outro',
    'sector.unspecified': 'Sector não definido',
    'statistics.title': 'Estatísticas publicadas',
    'statistics.lead':
      'O que as organizações desta coligação receberam e como responderam, por trimestre. Só são publicados trimestres já terminados, e os números pequenos ficam ocultos para que ninguém possa ser identificado.',
    'statistics.none': 'Ainda nada foi publicado.',
    'statistics.published': 'Publicado em {date}.',
    'statistics.quarter': 'Trimestre',
    'statistics.channel': 'Organização',
    'statistics.sector': 'Sector',
    'statistics.allChannels': 'Todas as organizações',
    'statistics.allSectors': 'Todos os sectores',
    'statistics.hidden': 'oculto*',
    'statistics.hiddenNote':
      '* Menos de {threshold}, ou oculto para que um número abaixo de {threshold} não possa ser deduzido dos outros.',
    'statistics.measure.received': 'Denúncias recebidas',
    'statistics.measure.acknowledgedInTime': 'Confirmadas dentro do prazo',
    'statistics.measure.feedbackInTime': 'Resposta dada dentro do prazo',
    'desk.statistics.nav': 'Estatísticas',
    'desk.statistics.lead':
      'Números em tempo real para os canais que recebe. Nunca saem da área de trabalho: só é público um retrato que um administrador publique.',
    'desk.statistics.share': '{done} de {due} ({percent})',
    'desk.statistics.noneDue': 'nada vencido ainda',
    'desk.statistics.medianAck': 'Tempo mediano até à confirmação',
    'desk.statistics.medianFeedback': 'Tempo mediano até à resposta',
    'desk.statistics.days': '{count, plural, =0 {# dias} one {# dia} other {# dias}}',
    'desk.statistics.noValue': '–',
    'desk.statistics.ackOverdue': 'Confirmações em atraso agora',
    'desk.statistics.feedbackOverdue': 'Respostas em atraso agora',
    'desk.statistics.byQuarter': 'Por trimestre de recepção',
    'desk.statistics.byChannel': 'Por canal',
    'desk.statistics.chart': 'Denúncias recebidas por trimestre',
    'desk.statistics.publish.title': 'Publicar estatísticas',
    'desk.statistics.publish.lead':
      'Publicar coloca um retrato no sítio público de denúncias: só trimestres terminados, cada número abaixo do limiar oculto, e ocultos também os números que permitiriam deduzi-lo. Veja primeiro a pré-visualização: um retrato publicado não pode ser retirado.',
    'desk.statistics.publish.threshold': 'Ocultar números abaixo de',
    'desk.statistics.publish.preview': 'Pré-visualizar',
    'desk.statistics.publish.confirm': 'Publicar este retrato',
    'desk.statistics.publish.done': 'Publicado em {date}.',
    'desk.statistics.publish.empty':
      'Nenhum trimestre terminou desde a primeira denúncia: ainda não há nada para publicar.',
    'desk.notify.title': 'Notificações por correio electrónico',
    'desk.notify.lead':
      'A área de trabalho pode avisá-lo por correio electrónico de que há trabalho: uma nova denúncia nos seus canais, uma resposta de um denunciante, um prazo a aproximar-se ou ultrapassado. A mensagem nunca diz o quê, onde nem exactamente quando. Deixe o endereço vazio para não receber correio.',
    'desk.notify.failed':
      'Não foi possível guardar: verifique o endereço e a chave e tente de novo.',
    'desk.notify.email': 'Endereço de correio electrónico',
    'desk.notify.mode': 'Com que frequência',
    'desk.notify.mode.default': 'A predefinição ({mode})',
    'desk.notify.mode.immediate': 'De imediato, quando há trabalho',
    'desk.notify.mode.digest': 'Uma mensagem por dia, só quando há trabalho',
    'desk.notify.mode.daily':
      'Uma mensagem todos os dias, haja ou não trabalho (oculta quando chegam denúncias)',
    'desk.notify.pgp': 'Chave pública OpenPGP (opcional: as mensagens são então cifradas com ela)',
    'desk.notify.save': 'Guardar as notificações',
    'desk.notify.saved': 'Guardado.',
    'desk.notify.defaultMode': 'Predefinição para quem não escolheu',
    'desk.notify.saveDefault': 'Guardar a predefinição',

    'timeline.ReportSubmitted': 'Denúncia enviada',
    'timeline.ReportAcknowledged': 'Recepção da denúncia confirmada',
    'timeline.ReportTriaged': 'Denúncia apreciada',
    'timeline.ReportAssigned': 'Investigador designado',
    'timeline.ReportStatusChanged': 'Estado alterado',
    'timeline.MessagePosted': 'Mensagem',
    'timeline.EvidenceAdded': 'Provas juntadas',
    'timeline.ReportReferred': 'Encaminhada',
    'timeline.ReportClosed': 'Caso encerrado',
    'timeline.ReferralProposed': 'Proposto o encaminhamento para outra organização',
    'timeline.ReferralAccepted': 'Denúncia encaminhada para outra organização',
    'timeline.ReferralDeclined': 'Encaminhamento recusado',
    'timeline.ReferralWithdrawn': 'Encaminhamento retirado',
    'case.referral.title': 'Outra organização',
    'case.referral.unknownOrganisation': 'uma organização que não consta aqui',
    'case.referral.proposed':
      'Em {date}, os investigadores propuseram encaminhar a sua denúncia para {organisation}. Nada é partilhado sem o seu acordo.',
    'case.referral.accepted':
      'A sua denúncia foi encaminhada para {organisation} com o seu acordo.',
    'case.referral.informed':
      'A sua denúncia foi encaminhada para {organisation}: a organização a quem denunciou é obrigada por lei a encaminhá-la.',
    'case.referral.declined':
      'Recusou encaminhar a sua denúncia para {organisation}. Nada foi partilhado.',
    'case.referral.reason': 'O motivo deles:',
    'case.referral.unverified':
      'Não foi possível verificar esta proposta, por isso o motivo não é mostrado e não pode responder aqui.',
    'case.referral.choice':
      'Se concordar, {organisation} poderá ler a sua denúncia e as suas mensagens e tratá-la com os seus próprios prazos.',
    'case.referral.accept': 'Concordar: encaminhar',
    'case.referral.decline': 'Recusar: manter aqui',
    'desk.admin.referralMode': 'Encaminhamento para outro membro a partir de',
    'desk.admin.referralConsent': 'O denunciante decide',
    'desk.admin.referralInform': 'Só informar: dever legal de encaminhar',
    'desk.admin.referralModeSave': 'Guardar a definição de encaminhamento',
    'desk.admin.referralModeNoList':
      'Publique primeiro os destinatários do canal: a definição de encaminhamento é assinada na sua lista.',
    'desk.referral.title': 'Encaminhamento para outro membro',
    'desk.referral.line':
      '{channel}: {status, select, proposed {à espera do denunciante} accepted {encaminhado} declined {recusado pelo denunciante} withdrawn {retirado} other {desconhecido}} (proposto em {date})',
    'desk.referral.withdraw': 'Retirar',
    'desk.referral.target': 'Encaminhar para',
    'desk.referral.reason': 'Motivo (o denunciante lê-o; é cifrado no seu navegador)',
    'desk.referral.handOver':
      'Entregar o caso: o seu canal perde o acesso quando o encaminhamento produzir efeito',
    'desk.referral.consentNote':
      'O denunciante decide: nada é partilhado com o outro membro sem o seu acordo.',
    'desk.referral.informNote':
      'O seu canal encaminha por dever legal: o denunciante é informado, não consultado.',
    'desk.referral.propose': 'Propor o encaminhamento',
    'desk.referral.forward': 'Encaminhar a denúncia',
    'desk.referral.done':
      'Encaminhamento enviado. Só um encaminhamento aceite dá a chave ao outro membro.',
    'desk.referral.refused':
      'Não foi possível verificar a lista de destinatários do outro membro, por isso nada foi enviado. Informe o seu administrador.',
    'desk.referral.referredIn':
      'Encaminhado por {channel}. Confirmar até {ack}; resposta até {feedback}.',
    'desk.referral.incomingTitle': 'Encaminhados para os seus canais',
    'desk.referral.incomingLine': 'encaminhado por {channel}; confirmar até {ack}',
    'desk.step.ReferralProposed': 'Proposto o encaminhamento para {detail}',
    'desk.step.ReferralAccepted': 'Encaminhamento para {detail} aceite pelo denunciante',
    'desk.step.ReferralForwarded': 'Encaminhado para {detail} (só informação)',
    'desk.step.ReferralDeclined': 'Encaminhamento recusado pelo denunciante',
    'desk.step.ReferralWithdrawn': 'Encaminhamento retirado',
    'timeline.ReferralAcknowledged': 'A outra organização recebeu a sua denúncia',
    'case.referral.received': '{organisation} recebeu a sua denúncia ({date}).',
    'desk.step.ReferralAcknowledged': 'Encaminhamento confirmado pelo membro que o recebeu',
    'desk.referral.acknowledge': 'Confirmar a receção do encaminhamento',
    'desk.referral.acknowledged': 'Receção confirmada em {date}.',
    'desk.referral.incomingAcknowledged': 'encaminhado por {channel}; receção confirmada em {date}',
    'timeline.other': 'Actualização',
    'timeline.withDetail': '{what}: {detail}',

    'desk.nav': 'Gabinete',
    'desk.queues': 'Filas',
    'desk.admin': 'Administração',
    'desk.logout': 'Terminar sessão',
    'desk.setup.title': 'Configurar esta instalação',
    'desk.setup.lead':
      'Este é o primeiro arranque. Crie a primeira conta de administrador. As suas chaves são criadas neste navegador; a sua chave de assinatura torna-se a chave da instalação, que assina todas as listas de destinatários.',
    'desk.setup.token': 'Código de configuração (mostrado pelo servidor no primeiro arranque)',
    'desk.setup.submit': 'Configurar',
    'desk.enrol.title': 'Registar-se como investigador',
    'desk.enrol.invite': 'Convite (do seu administrador)',
    'desk.enrol.email': 'Nome de utilizador',
    'desk.enrol.password': 'Palavra-passe (pelo menos 12 caracteres)',
    'desk.enrol.passwordShort': 'Use pelo menos 12 caracteres.',
    'desk.enrol.submit': 'Criar as minhas chaves',
    'desk.enrol.totp':
      'Leia este código com uma aplicação autenticadora e introduza o código de seis dígitos que ela mostrar.',
    'desk.enrol.totpSecret': 'Ou escreva este segredo: {secret}',
    'desk.enrol.qrAlt': 'Código QR para a sua aplicação autenticadora',
    'desk.enrol.code': 'Código de seis dígitos',
    'desk.enrol.confirm': 'Confirmar',
    'desk.enrol.recovery':
      'A sua chave de recuperação. Imprima-a ou anote-a e guarde-a fora da internet. É mostrada uma só vez; desbloqueia as suas chaves se esquecer a palavra-passe.',
    'desk.enrol.done': 'Registo concluído. Já pode iniciar sessão.',
    'desk.login.title': 'Início de sessão dos investigadores',
    'desk.login.user': 'Nome de utilizador',
    'desk.login.password': 'Palavra-passe',
    'desk.login.totp': 'Código da aplicação autenticadora',
    'desk.login.submit': 'Iniciar sessão',
    'desk.login.failed': 'O início de sessão falhou. Verifique os seus dados e tente novamente.',
    'desk.login.busy':
      'Há demasiados inícios de sessão a ser verificados neste momento. Tente de novo daqui a pouco.',
    'desk.password.nav': 'Palavra-passe',
    'desk.account.nav': 'Conta',
    'desk.account.title': 'A sua conta',
    'desk.account.safetyNumber': 'O seu número de segurança',
    'desk.account.safetyLead':
      'Este número é calculado neste navegador a partir das chaves que o seu cofre guarda. Muda se alguém, incluindo o servidor, puser outras chaves no seu lugar.',
    'desk.account.safetyHow':
      'Antes de o adicionar a um canal, um administrador tem de o comparar consigo por telefone ou pessoalmente: leia-o grupo a grupo. Nunca o compare por correio electrónico nem através do Gabinete.',
    'desk.keyAlarm.title': 'Atenção: as suas chaves foram substituídas numa lista de destinatários',
    'desk.keyAlarm.lead':
      'Este navegador comparou as listas de destinatários assinadas do Gabinete com as chaves do seu cofre e encontrou um problema. As denúncias enviadas para estes canais podem ser legíveis por outra pessoa.',
    'desk.keyAlarm.keys-differ':
      'Canal {channel}, versão da lista {version}: indica-o com chaves que não são suas.',
    'desk.keyAlarm.signature-invalid':
      'Canal {channel}, versão da lista {version}: a assinatura não é válida para a chave da instalação.',
    'desk.keyAlarm.todo':
      'O alarme foi registado no registo de auditoria. Avise um administrador por telefone ou pessoalmente, não através do Gabinete, e não abra nem partilhe denúncias até haver uma explicação.',
    'desk.password.title': 'Alterar a palavra-passe',
    'desk.password.lead':
      'As suas chaves mantêm-se: o navegador coloca-as num novo cofre protegido pela nova palavra-passe. Recebe uma nova chave de recuperação; a antiga deixa de servir para o novo cofre.',
    'desk.password.current': 'Palavra-passe actual',
    'desk.password.new': 'Nova palavra-passe (pelo menos 12 caracteres)',
    'desk.password.repeat': 'Repita a nova palavra-passe',
    'desk.password.submit': 'Alterar palavra-passe',
    'desk.password.done': 'Palavra-passe alterada. As suas outras sessões foram terminadas.',
    'desk.password.recovery':
      'A sua nova chave de recuperação. Imprima-a ou anote-a e guarde-a em segurança; só é mostrada agora:',
    'desk.password.problem.short': 'Use pelo menos 12 caracteres.',
    'desk.password.problem.mismatch': 'As duas novas palavras-passe são diferentes.',
    'desk.password.problem.current': 'A palavra-passe actual não está correcta.',
    'desk.password.problem.throttled': 'Demasiadas tentativas. Aguarde e tente novamente.',
    'desk.password.problem.failed': 'Não foi possível alterar a palavra-passe. Tente novamente.',
    'desk.totpReset.title': 'Configurar uma nova aplicação autenticadora',
    'desk.totpReset.lead':
      'O seu administrador repôs a sua aplicação autenticadora. Introduza o código de reposição que ele lhe deu, o seu nome de utilizador e a sua palavra-passe.',
    'desk.totpReset.code': 'Código de reposição (do seu administrador)',
    'desk.totpReset.submit': 'Continuar',
    'desk.totpReset.done':
      'A sua nova aplicação autenticadora está configurada. Já pode iniciar sessão.',
    'desk.totpReset.problem.refused':
      'O código de reposição ou a palavra-passe não estão correctos.',
    'desk.totpReset.problem.throttled': 'Demasiadas tentativas. Aguarde e tente novamente.',
    'desk.totpReset.problem.failed': 'Algo correu mal. Tente novamente.',
    'desk.unlock.title': 'Desbloquear as suas chaves',
    'desk.unlock.lead':
      'As suas chaves privadas estão bloqueadas com a sua palavra-passe. São desbloqueadas apenas neste navegador.',
    'desk.unlock.submit': 'Desbloquear',
    'desk.unlock.working':
      'A desbloquear as suas chaves com a sua palavra-passe (Argon2id). Menos de um segundo na maioria dos navegadores; sem WebAssembly (nível «Mais seguro» do Tor Browser) pode demorar vários minutos.',
    'desk.unlock.failed': 'Palavra-passe errada.',
    'desk.cases.nav': 'Lista de casos',
    'desk.cases.title': 'Lista de casos',
    'desk.cases.live': 'Em directo: as novas denúncias e respostas aparecem aqui sem recarregar.',
    'desk.cases.offline': 'Sem actualizações em directo; a lista é actualizada quando filtrar.',
    'desk.cases.views': 'Vistas guardadas',
    'desk.cases.all': 'Todos os casos',
    'desk.cases.search': 'Pesquisar (campos não cifrados e etiquetas)',
    'desk.cases.any': 'Qualquer',
    'desk.cases.none': 'Não definido',
    'desk.cases.sector': 'Sector',
    'desk.cases.region': 'Região',
    'desk.cases.label': 'Etiqueta',
    'desk.cases.labels': 'Etiquetas',
    'desk.cases.assignee': 'Responsável',
    'desk.cases.assignees': 'Responsáveis',
    'desk.cases.me': 'Eu',
    'desk.cases.unassigned': 'Sem responsável',
    'desk.cases.sort': 'Ordenar por',
    'desk.cases.sortDefault': 'A ordem da vista',
    'desk.cases.direction': 'Ordem',
    'desk.cases.asc': 'Crescente',
    'desk.cases.desc': 'Decrescente',
    'desk.cases.apply': 'Filtrar',
    'desk.cases.export.start': 'Exportar CSV',
    'desk.cases.export.explain':
      '«Exportar CSV» guarda todos os casos deste filtro (todas as páginas, não só esta) com os seus campos não cifrados, feito neste navegador. A exportação fica no registo de auditoria. O ficheiro é uma cópia fora da plataforma: guarde-o com o mesmo cuidado que os casos.',
    'desk.cases.export.progress': 'A ler os casos: {done} de {total}',
    'desk.cases.export.ready': 'CSV pronto:',
    'desk.cases.export.failed':
      'Não foi possível exportar a lista de casos (uma página não pôde ser lida, ou a exportação não pôde ser registada). Nada foi guardado.',
    'desk.cases.total': '{count, plural, =0 {# casos} one {# caso} other {# casos}}',
    'desk.work.label': 'Trabalho pendente',
    'desk.work.none': 'Nada pendente',
    'desk.work.newReports': '{count, plural, one {# denúncia nova} other {# denúncias novas}}',
    'desk.work.replies': '{count, plural, one {# resposta por ler} other {# respostas por ler}}',
    'desk.work.due': '{count, plural, one {# prazo próximo} other {# prazos próximos}}',
    'desk.work.overdue': '{count, plural, one {# em atraso} other {# em atraso}}',
    'desk.reminder.due': 'Prazo próximo: lembrete enviado',
    'desk.reminder.overdue': 'Em atraso: administradores avisados',
    'desk.reminder.referralFeedbackDue': 'Retorno do encaminhamento pendente: lembrete enviado',
    'desk.reminder.referralFeedbackOverdue':
      'Retorno do encaminhamento em atraso: administradores avisados',
    'desk.reminder.referralDue': 'Encaminhamento por confirmar: lembrete enviado',
    'desk.reminder.referralOverdue':
      'Confirmação do encaminhamento em atraso: administradores avisados',
    'desk.cases.reminder': 'Lembrete',
    'desk.cases.awaiting': 'Último a escrever',
    'desk.cases.awaiting.investigator': 'O denunciante',
    'desk.cases.awaiting.whistleblower': 'Nós',
    'desk.cases.unread': 'Não lidos',
    'desk.cases.unreadCount': '{count, plural, =0 {# novos} one {# novo} other {# novos}}',
    'desk.cases.referredBy': 'Encaminhado por {channel}',
    'desk.cases.previous': 'Página anterior',
    'desk.cases.next': 'Página seguinte',
    'desk.cases.col.received': 'Recebido',
    'desk.cases.col.nextDeadline': 'Próximo prazo',
    'desk.cases.col.priority': 'Prioridade',
    'desk.cases.col.status': 'Estado',
    'desk.cases.col.sector': 'Sector',
    'desk.cases.col.region': 'Região',
    'desk.cases.col.lastActivity': 'Última actividade',
    'desk.queue.title': 'Filas',
    'desk.queue.empty': 'Não há casos nesta fila.',
    'desk.queue.refresh': 'Actualizar',
    'desk.queue.inbox': 'Entrada',
    'desk.queue.needs_triage': 'Aguarda triagem',
    'desk.queue.mine': 'Atribuídos a mim',
    'desk.queue.awaiting_whistleblower': 'Aguarda o denunciante',
    'desk.queue.feedback_due_soon': 'Resposta com prazo próximo',
    'desk.queue.feedback_overdue': 'Resposta em atraso',
    'desk.queue.closed': 'Encerrados',
    'desk.queue.open': 'Fila',
    'desk.queue.count': '{name} ({count})',
    'desk.queue.case': 'Caso {id}',
    'desk.queue.received': 'Recebido a {date}',
    'desk.case.title': 'Caso {id}',
    'desk.case.answers': 'Respostas',
    'desk.case.fromWhistleblower': 'Denunciante',
    'desk.case.evidence': 'Provas',
    'desk.case.download': 'Decifrar e guardar {name}',
    'desk.case.downloading': 'A decifrar {name}: {percent}%',
    'desk.case.messages': 'Mensagens com o denunciante',
    'desk.case.notes': 'Notas internas',
    'desk.case.timeline': 'Prazos e apreciação',
    'desk.case.ackDue': 'Confirmar a recepção até {date}',
    'desk.case.feedbackDue': 'Resposta devida até {date}',
    'desk.case.triaged': 'Prioridade {priority}, sector {sector}',
    'desk.case.assignees': 'Investigadores atribuídos: {count}',
    'desk.case.ack': 'Confirmar a recepção',
    'desk.case.ackTemplate':
      'Obrigado pela sua denúncia. Recebemo-la e vamos apreciá-la. Se tivermos perguntas, contactá-lo-emos aqui.',
    'desk.case.triage': 'Triagem',
    'desk.case.priority': 'Prioridade',
    'desk.case.sector': 'Sector',
    'desk.case.assign': 'Atribuir',
    'desk.case.assignee': 'Investigador',
    'desk.case.status': 'Alterar estado',
    'desk.case.message': 'Mensagem para o denunciante',
    'desk.case.send': 'Enviar',
    'desk.case.note': 'Nota interna (nunca mostrada ao denunciante)',
    'desk.case.addNote': 'Juntar nota',
    'desk.case.close': 'Encerrar caso',
    'desk.case.outcome': 'Resultado (mostrado ao denunciante)',
    'desk.case.conflict':
      'Outra pessoa alterou este caso enquanto trabalhava nele. Foi recarregado: verifique o estado mais recente e tente novamente.',
    'desk.case.done': 'Feito.',
    'desk.case.report': 'A denúncia',
    'desk.case.work': 'Trabalhar neste caso',
    'desk.case.history': 'O que aconteceu',
    'desk.case.noAnswers': 'Sem respostas.',
    'questions.language': 'Idioma das perguntas',
    'desk.case.answeredIn': 'Respondido em {language}.',
    'desk.case.askedAs': 'A pergunta tal como o denunciante a leu ({language}):',
    'desk.case.choseAs': 'A resposta tal como a leu:',
    'desk.admin.questionnaireLanguage': 'Idioma destas perguntas (um código como en, af ou de)',
    'desk.admin.questionnaireAlso':
      'Também escrito em (códigos separados por vírgulas, como af, de)',
    'desk.admin.questionnaireIn':
      'Perguntas em {language} ({code}): as mesmas perguntas pela mesma ordem, uma por linha',
    'desk.admin.questionnaireHelp':
      'Uma escolha: depois da pergunta, «| chave=palavras» para cada resposta, por exemplo «Ainda está a acontecer? | yes=Sim | no=Não». Todos os idiomas usam as mesmas chaves.',
    'desk.admin.questionnaireUntranslated':
      'Numa tradução, uma linha só com «-» mantém essa pergunta no idioma predefinido.',
    'desk.admin.questionnaireMismatch':
      'Cada idioma precisa das mesmas perguntas, uma por linha pela mesma ordem, com as mesmas chaves de resposta.',
    'desk.case.questionId': 'Pergunta «{id}» (não consta do questionário do canal)',
    'desk.case.deadlines': 'Prazos',
    'desk.case.deadline.acknowledge': 'Aviso de recepção',
    'desk.case.deadline.feedback': 'Resposta',
    'desk.case.deadline.referralAcknowledge': 'Confirmar a receção do encaminhamento',
    'desk.case.deadline.referralFeedback': 'Resposta ao encaminhamento',
    'desk.case.deadline.met': '{what}: feito',
    'desk.case.deadline.left':
      '{what}: {days, plural, =0 {faltam 0 dias} one {falta # dia} other {faltam # dias}} ({date})',
    'desk.case.deadline.late':
      '{what}: {days, plural, =0 {0 dias de atraso} one {# dia de atraso} other {# dias de atraso}} ({date})',
    'desk.case.deadline.today': '{what}: termina hoje ({date})',
    'desk.case.assigned': 'Atribuído',
    'desk.case.nobodyAssigned': 'Ninguém, por enquanto',
    'desk.case.triageShown': 'Prioridade, sector',
    'desk.case.notTriaged': 'Ainda sem triagem',
    'desk.case.evidenceSealed':
      'Ficheiro selado, até {size}; o nome e o tipo aparecem depois de decifrado',
    'desk.case.evidenceOpened': '{type}, {size}',
    'desk.case.decrypt': 'Decifrar {name}',
    'desk.case.save': 'Guardar',
    'desk.case.previewOf': 'Pré-visualização de {name}',
    'desk.case.openPdf': 'Abrir num novo separador:',
    'desk.case.noPreview':
      'Não há pré-visualização para este tipo: guarde-o e abra-o num computador destinado a isso.',
    'desk.case.noEvidence': 'Sem ficheiros de prova.',
    'desk.case.unknownType': 'tipo desconhecido',
    'desk.case.by': '{what} · {who}',
    'desk.case.stepAt': '{date}',
    'desk.case.byWhistleblower': 'o denunciante',
    'desk.case.note.label': 'Nota interna',
    'desk.case.evidence.label': 'Ficheiro de prova',
    'desk.step.ReportSubmitted': 'Denúncia recebida',
    'desk.step.ReportAcknowledged': 'Recepção confirmada',
    'desk.step.ReportTriaged': 'Triagem: {detail}',
    'desk.step.ReportAssigned': 'Atribuído a {detail}',
    'desk.step.ReportUnassigned': 'Atribuição retirada: {detail}',
    'desk.step.ReportStatusChanged': 'Estado: {detail}',
    'desk.step.ReportClosed': 'Encerrado: {detail}',
    'desk.step.ReportReferred':
      'Encaminhado para outra entidade (o destinatário está selado no encaminhamento)',
    'desk.step.ReportReopened': 'Reaberto',
    'desk.step.ReportKeyShared': 'Chave da denúncia partilhada com {detail}',
    'desk.step.ReportLabelAttached': 'Etiqueta adicionada: {detail}',
    'desk.step.ReportLabelDetached': 'Etiqueta removida: {detail}',
    'desk.step.other': 'Actualização',
    'desk.admin.ackTemplate': 'Mensagem de aviso de recepção para',
    'desk.admin.ackTemplateHelp':
      'Proposta como primeira mensagem ao denunciante quando se confirma a recepção de uma denúncia deste canal; o investigador pode ainda editá-la. Deixe em branco para usar o texto padrão.',
    'desk.admin.ackTemplateSave': 'Guardar mensagem de aviso de recepção',
    'desk.admin.labels': 'Etiquetas de casos para',
    'desk.admin.labelsHelp':
      'Uma etiqueta por linha (palavras simples, até 40 caracteres, sem conteúdo dos casos): as etiquetas que os investigadores podem pôr nos casos deste canal.',
    'desk.admin.labelsSave': 'Guardar etiquetas de casos',
    'desk.case.labels': 'Etiquetas',
    'desk.case.noLabels': 'Sem etiquetas',
    'desk.case.addLabel': 'Adicionar uma etiqueta',
    'desk.case.attachLabel': 'Adicionar etiqueta',
    'desk.case.removeLabel': 'Remover a etiqueta {label}',
    'desk.shortcuts.open': 'Atalhos de teclado (?)',
    'desk.shortcuts.title': 'Atalhos de teclado',
    'desk.shortcuts.lead':
      'Num caso, fora dos campos de texto. Cada atalho leva-o ao passo; nada é enviado até carregar no respectivo botão.',
    'desk.shortcuts.next': 'Caso seguinte na lista de onde veio',
    'desk.shortcuts.previous': 'Caso anterior nessa lista',
    'desk.shortcuts.acknowledge': 'Ir para o aviso de recepção',
    'desk.shortcuts.reply': 'Escrever uma mensagem ao denunciante',
    'desk.shortcuts.assign': 'Escolher a quem atribuir',
    'desk.shortcuts.help': 'Mostrar esta lista',
    'desk.shortcuts.close': 'Fechar',
    'desk.shortcuts.noNext': 'Não há mais casos na lista de onde veio.',
    'desk.purge.title': 'Eliminar definitivamente esta denúncia',
    'desk.purge.explain':
      'O prazo de conservação de um caso encerrado pode terminar mais cedo: a eliminação definitiva destrói a denúncia para sempre. Ninguém a pode desfazer.',
    'desk.purge.open': 'Eliminar denúncia definitivamente…',
    'desk.purge.confirmTitle': 'Eliminar definitivamente a denúncia {id}?',
    'desk.purge.destroys': 'Isto destrói, neste servidor:',
    'desk.purge.destroyAnswers': 'as respostas, as mensagens com o denunciante e as notas internas',
    'desk.purge.destroyEvidence': 'os ficheiros de prova ({count})',
    'desk.purge.destroyQueue':
      'o caso em todas as filas, os seus prazos, triagem e atribuições, e as suas entradas no registo de auditoria',
    'desk.purge.destroyReceipt':
      'a ligação ao recibo: o recibo do denunciante passará a ser tratado como um que nunca existiu',
    'desk.purge.keeps':
      'Fica apenas um registo: que a denúncia {id} foi eliminada, por si, e quando. As cópias de segurança feitas antes deste momento e as cópias já descarregadas não são abrangidas.',
    'desk.purge.typeId': 'Escreva {id} para confirmar',
    'desk.purge.mismatch': 'Escreva exactamente os 8 caracteres {id}.',
    'desk.purge.confirm': 'Eliminar definitivamente',
    'desk.purge.cancel': 'Cancelar',
    'desk.purge.done':
      'A denúncia {id} foi eliminada definitivamente. Só resta o registo da sua eliminação.',
    'desk.purge.pending':
      'A denúncia {id} está eliminada e é recusada a todos; o apagamento dos seus últimos ficheiros falhou e será concluído pela tarefa de conservação.',
    'desk.purge.back': 'Voltar às filas',
    'desk.case.notRecipient':
      'Esta denúncia não lhe foi enviada. Só os destinatários do seu canal no momento do envio a podem ler.',
    'desk.case.sealedByServer':
      'Cifrada pelo servidor: esta denúncia foi enviada de um navegador sem JavaScript, por isso o servidor viu o seu conteúdo enquanto a cifrava (e gerou o seu recibo). Trate o conteúdo como tendo passado uma vez pelo servidor.',
    'desk.case.notShared':
      'Esta denúncia foi selada antes de ser adicionado ao seu canal, por isso as suas chaves ainda não a conseguem abrir, e nenhuma chave partilhada consigo até agora a abre. Peça a um colega que a consiga abrir que a partilhe consigo.',
    'desk.export.title': 'Processo do caso',
    'desk.export.explain':
      'Um PDF do caso completo (respostas, a cronologia com mensagens e notas, e o SHA-256 de cada ficheiro de prova), feito neste navegador. Cada ficheiro de prova é descarregado e decifrado para calcular o seu hash. A exportação fica no registo de auditoria; o PDF nunca é enviado ao servidor. É uma cópia não cifrada: guarde-a com o mesmo cuidado que o caso.',
    'desk.export.start': 'Exportar processo do caso (PDF)',
    'desk.export.evidence': 'A decifrar a prova {done} de {total}',
    'desk.export.building': 'A criar o PDF',
    'desk.export.ready': 'Processo do caso pronto:',
    'desk.export.save': 'Guardar {name}',
    'desk.export.failed':
      'Não foi possível exportar o processo do caso (um ficheiro de prova não foi decifrado, ou a exportação não pôde ser registada). Nada foi guardado.',
    'desk.export.case': 'Caso',
    'desk.export.received': 'Recebido',
    'desk.export.assignees': 'Investigadores atribuídos',
    'desk.export.labels': 'Etiquetas',
    'desk.export.report': 'Denúncia {id}',
    'desk.export.exported': 'Exportado em {date} por {by}. Confidencial.',
    'desk.export.timeline': 'Cronologia (incluindo mensagens e notas)',
    'desk.export.deadline': 'Prazo',
    'desk.export.file': '{name} · {type} · {size} bytes',
    'desk.export.footer': 'Caso {id} · confidencial · página {page} de {pages}',
    'desk.export.missing':
      '{count, plural, =0 {# caracteres não puderam ser desenhados} one {# carácter não pôde ser desenhado} other {# caracteres não puderam ser desenhados}} neste ficheiro e aparecem como ?: os tipos de letra incluídos cobrem o latim, o grego, o cirílico e o hebraico, e a escrita árabe não pode ser composta correctamente aqui. A página do caso mostra o texto original.',
    'desk.share.title': 'Colegas que não conseguem abrir esta denúncia',
    'desk.share.many':
      '{count, plural, =0 {Nenhum colega está impedido de abrir esta denúncia.} one {# colega ainda não consegue abrir esta denúncia: foi selada antes de ser adicionado ao canal.} other {# colegas ainda não conseguem abrir esta denúncia: foi selada antes de serem adicionados ao canal.}}',
    'desk.share.button': 'Partilhar a denúncia com eles',
    'desk.share.againTitle': 'Colegas que receberam esta denúncia de outra pessoa',
    'desk.share.again':
      '{count, plural, =0 {# colegas receberam} one {# colega recebeu} other {# colegas receberam}} a chave desta denúncia de outro colega. Se disserem que não a conseguem abrir, partilhe também a sua cópia: o navegador deles experimenta cada cópia partilhada até uma abrir a denúncia.',
    'desk.share.againButton': 'Partilhar também a minha cópia com eles',
    'desk.share.done': 'Partilhada. Os seus colegas já podem abrir a denúncia.',
    'desk.share.refused':
      'Não foi possível verificar a lista de destinatários do canal, por isso nada foi partilhado. Avise o seu administrador.',
    'desk.admin.title': 'Administração',
    'desk.admin.investigators': 'Investigadores',
    'desk.admin.invite': 'Convidar um investigador',
    'desk.admin.handle': 'Nome de utilizador do novo investigador',
    'desk.admin.role': 'Função',
    'desk.admin.roleAdmin': 'Administrador',
    'desk.admin.roleInvestigator': 'Investigador',
    'desk.admin.inviteCode': 'Convite (entregue-o em privado; é mostrado uma só vez): {code}',
    'desk.admin.channels': 'Canais',
    'desk.admin.channelName': 'Nome do canal',
    'desk.admin.addChannel': 'Adicionar canal',
    'desk.admin.recipientsOf': 'Quem recebe as denúncias enviadas para {name}',
    'desk.admin.publishRecipients': 'Assinar e publicar os destinatários',
    'desk.admin.published.done': 'Publicado.',
    'desk.admin.published.conflict':
      'Entretanto, outra pessoa alterou este canal. Foi recarregado: escolha novamente.',
    'desk.admin.published.no-keys': 'Um investigador ainda não tem chaves (não registado).',
    'desk.admin.published.failed': 'A publicação falhou.',
    'desk.admin.published.unproven':
      'Não assinado: não está provado que as chaves que o Gabinete deu para um destinatário sejam dele.',
    'desk.admin.published.unconfirmed':
      'Ainda não assinado: compare cada número de segurança com o seu titular e assinale que o fez.',
    'desk.admin.safetyNumberOf': 'Número de segurança de {handle}:',
    'desk.admin.compared':
      'Comparei o número de segurança de {handle} com essa pessoa, por telefone ou pessoalmente, e coincide',
    'desk.admin.unproven':
      'Atenção: não está provado que as chaves que o Gabinete deu para {handle} sejam dessa pessoa. Não a adicione; peça a {handle} que volte a iniciar sessão e avise quem gere esta instalação.',
    'desk.admin.noKeysOf': '{handle} ainda não tem chaves (não registado).',
    'desk.admin.published.no-deployment-key':
      'Não tem a chave da instalação. Um administrador que a tenha deve primeiro partilhá-la consigo.',
    'desk.admin.deploymentKey': 'Chave da instalação',
    'desk.admin.deploymentKey.lead':
      'As listas de destinatários são assinadas com a chave da instalação. A sua metade privada só existe selada para os administradores que a têm; os navegadores dos denunciantes e o Gabinete recusam qualquer lista que ela não tenha assinado.',
    'desk.admin.deploymentKey.held': 'Tem a chave da instalação.',
    'desk.admin.deploymentKey.notHeld':
      'Não tem a chave da instalação. Um administrador que a tenha pode partilhá-la consigo.',
    'desk.admin.deploymentKey.share': 'Partilhar a chave da instalação com {handle}',
    'desk.admin.deploymentKey.shared': 'Partilhada com {handle}.',
    'desk.admin.deploymentKey.confirmShare': 'Selar a chave da instalação para {handle}',
    'desk.admin.deploymentKey.rotate': 'Substituir a chave da instalação',
    'desk.admin.deploymentKey.rotated':
      'A chave da instalação foi substituída. Partilhe a nova chave com os outros administradores que a devam ter.',
    'desk.admin.deploymentKey.failed': 'Não funcionou. Recarregue a página e tente novamente.',
    'desk.admin.deploymentKey.unproven':
      'Não partilhada: não está provado que as chaves que o Gabinete deu para este administrador sejam dele. Avise quem gere este Gabinete.',
    'desk.admin.questionnaire':
      'Questionário (uma pergunta por linha; termine com * se for obrigatória)',
    'desk.admin.resetTotp': 'Repor a aplicação autenticadora de {handle}',
    'desk.admin.resetCode':
      'Código de reposição para {handle} (entregue-o em privado; é mostrado uma só vez; introduz-se em /desk/totp-reset): {code}',
    'desk.admin.hashes': 'Publique estes hashes',
    'desk.admin.hashesLead':
      'As páginas que esta instalação serve, ficheiro a ficheiro. Publique esta lista e a chave da instalação onde denunciantes e jornalistas procuram: qualquer pessoa pode então verificar que a instalação serve exactamente estes ficheiros (npm run verify com o seu endereço).',
    'desk.admin.hashesKey': 'Chave da instalação incorporada nas páginas',
    'desk.admin.hashesUnpinned':
      'Nenhuma: estas páginas confiam em qualquer chave que o servidor anuncie. O servidor volta a construí-las com a chave quando a configuração estiver concluída.',
    'desk.admin.hashesCommit': 'Construído a partir do commit',
    'desk.admin.hashesDirty':
      '(com alterações não registadas em commit: ninguém o pode reconstruir)',
    'desk.admin.hashesFiles':
      'SHA-256 de cada um dos {count, plural, =0 {# ficheiros} one {# ficheiro} other {# ficheiros}} (formato sha256sum)',
    'desk.admin.hashesServed':
      'A mesma lista, com a chave e o commit, é servida como /manifest.json por este Gabinete e pelo sítio público.',
    'desk.admin.hashesMissing':
      'Esta compilação não tem manifest.json: reconstrua-a com npm run build.',
    'desk.admin.audit': 'Registo de auditoria',
    'desk.admin.auditWhen': 'Quando',
    'desk.admin.auditWho': 'Quem',
    'desk.audit.actor.whistleblower': 'O denunciante',
    'desk.audit.actor.unauthenticated': 'Alguém sem sessão iniciada',
    'desk.audit.actor.system': 'O sistema (automático)',
    'desk.audit.actor.operator': 'O operador do servidor',
    'desk.audit.actor.unknown': 'Uma conta que já não consta da lista',
    'desk.admin.auditWhat': 'O que aconteceu',
    'desk.admin.auditRecord': 'Registo',
    'app.pageTitle': '{page} · {app}',
    'case.messageBy': '{who} · {date}',
    'desk.brand': '{app} · {desk}',
    'desk.case.entryAt': '{date} · {what}',
    'desk.case.entry': '{date} · {what} · {who}',
    'app.language': 'Idioma',
    'app.communityDraft':
      'Rascunho comunitário: esta tradução ainda não foi aprovada por um revisor. Uma frase ainda não traduzida aparece em inglês, sublinhada com pontos.',
    'desk.case.statusLine': 'Estado: {status} · Recebido a {received}',
    'desk.case.outcomeLine': 'Resultado: {outcome}',
  },
} satisfies Locale;
