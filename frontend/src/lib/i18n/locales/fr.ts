// Français (vouvoiement; French typography: a no-break space before : ; ? and inside « »).
// Not yet reviewed by a native speaker: status 'complete' means every key is translated, not that
// the wording is signed off (reviewedBy stays unset until it is).
//
// Glossary (one word for one thing, everywhere):
//   report          signalement             whistleblower   lanceur d’alerte
//   receipt         reçu                    channel         canal
//   investigator    enquêteur               evidence        preuves
//   acknowledge     accuser réception       acknowledgement accusé de réception
//   recipient       destinataire            organisation    organisation
//   lock (encrypt)  verrouiller (chiffrer)  decrypt         déchiffrer
//   deployment      instance                deployment key  clé de l’instance
//   case            dossier                 queue           file
//   triage          tri                     label           étiquette
//   safety number   numéro de sécurité      vault           coffre
//   authenticator   application d’authentification
//   recovery key    clé de récupération     audit log       journal d’audit
//   purge           supprimer définitivement
//   desk            Bureau (the investigators' side)
import type { Locale } from './locale';

export default {
  meta: { code: 'fr', name: 'Français', dir: 'ltr', status: 'complete' },
  messages: {
    'app.name': 'Integrity Desk',
    'noscript.safe':
      'JavaScript est désactivé dans ce navigateur (par exemple Tor Browser au niveau « Le plus sûr »), ces pages ne peuvent donc pas chiffrer votre signalement ici.',
    'noscript.link': 'Signaler ou revenir sans JavaScript',
    'noscript.promise':
      'Sur ces pages, le serveur voit ce que vous écrivez pendant qu’il le chiffre. Activez JavaScript (niveau de sécurité « Plus sûr ») pour la protection la plus forte.',
    'app.skip': 'Aller au contenu principal',
    'app.demo': 'Instance de démonstration : n’envoyez pas de vrais signalements ici.',
    'app.unpinned':
      'Cette copie du site n’intègre pas la clé de l’instance : elle ne peut donc pas distinguer les clés des vrais destinataires de clés que le serveur mettrait à leur place. N’envoyez aucun signalement avant que son administrateur ait terminé la configuration.',
    'app.loading': 'Chargement…',
    'app.error': 'Une erreur s’est produite. Veuillez réessayer.',
    'app.offline': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    'app.back': 'Retour',
    'app.next': 'Suivant',
    'app.cancel': 'Annuler',
    'app.required': 'obligatoire',
    'app.optional': 'facultatif',
    'app.sessionLost':
      'Cette page garde votre signalement uniquement en mémoire. Elle a été rechargée ou ouverte directement : veuillez recommencer.',

    'nav.home': 'Accueil',
    'nav.report': 'Faire un signalement',
    'nav.return': 'J’ai un reçu',
    'nav.main': 'Navigation principale',

    'landing.title': 'Signaler des abus en toute sécurité',
    'landing.lead':
      'Integrity Desk vous permet d’informer des organisations de confiance de faits de corruption, de fraude ou d’abus de pouvoir sans dire à personne qui vous êtes.',
    'landing.who.title': 'Qui reçoit votre signalement',
    'landing.who.body':
      'Vous choisissez une organisation destinataire : une association de la société civile, un syndicat, une rédaction ou un organe de contrôle, par exemple. Seuls les enquêteurs de cette organisation peuvent lire ce que vous écrivez. Les personnes qui gèrent ce site ne le peuvent pas.',
    'landing.safety.title': 'Avant de commencer : protégez-vous',
    'landing.safety.tor':
      'Utilisez Tor Browser si vous le pouvez. Il cache l’endroit d’où vous vous connectez. Vous pouvez le télécharger sur torproject.org.',
    'landing.safety.device':
      'Utilisez un téléphone ou un ordinateur que votre employeur ne possède pas et ne gère pas, sur un réseau qu’il ne contrôle pas : pas le Wi-Fi du bureau, pas un ordinateur portable professionnel.',
    'landing.safety.work':
      'Ne faites pas de signalement depuis votre travail, et ne dites pas à vos collègues que vous en faites un.',
    'landing.safety.details':
      'Réfléchissez à ce que vous écrivez : des détails que peu de personnes connaissent peuvent vous désigner. Laissez-les de côté s’ils ne sont pas nécessaires.',
    'landing.safety.files':
      'Les fichiers peuvent contenir des informations cachées, comme le nom de l’auteur ou le lieu où une photo a été prise. Les photos sont nettoyées dans votre navigateur avant l’envoi ; les autres documents ne le sont pas.',
    'landing.how.title': 'Comment votre anonymat est protégé',
    'landing.how.body1':
      'Votre signalement est verrouillé (chiffré) dans ce navigateur avant de quitter votre appareil. Le serveur ne conserve que la version verrouillée et n’enregistre pas votre adresse internet.',
    'landing.how.body2':
      'À la fin, vous recevez un code de reçu. C’est la seule clé de votre signalement : avec lui, vous pouvez revenir, lire les questions des enquêteurs et y répondre. Personne ne peut retrouver un reçu perdu, pas même nous.',
    'landing.limits.title': 'Ce contre quoi ce site ne peut pas vous protéger',
    'landing.limits.body':
      'Aucun site ne peut vous cacher si votre appareil est surveillé, si quelqu’un voit votre écran ou si ce que vous écrivez permet de vous identifier. Votre fournisseur d’accès ou votre employeur peut voir que vous avez visité ce site, sauf si vous utilisez Tor Browser.',
    'landing.start': 'Faire un signalement',
    'landing.return': 'Consulter un signalement avec votre reçu',

    'channel.title': 'Choisissez qui doit recevoir votre signalement',
    'channel.lead':
      'Choisissez l’organisation à qui vous faites confiance pour examiner les faits. Elle seule pourra le lire.',
    'channel.none': 'Aucune organisation n’accepte de signalements pour le moment.',
    'channel.choose': 'Choisir {name}',

    'questions.title': 'Dites-nous ce qui s’est passé',
    'questions.step': 'Question {n} sur {total}',
    'questions.missing': 'Veuillez répondre à cette question : elle est obligatoire.',
    'questions.yes': 'Oui',
    'questions.no': 'Non',
    'questions.memory':
      'Vos réponses restent uniquement dans cet onglet jusqu’à l’envoi. Fermer l’onglet les efface.',

    'evidence.title': 'Ajouter des preuves (facultatif)',
    'evidence.lead':
      'Vous pouvez joindre des photos et des documents. Les photos sont nettoyées ici, dans votre navigateur, avant l’envoi.',
    'evidence.add': 'Choisir des fichiers',
    'evidence.none': 'Aucun fichier ajouté.',
    'evidence.remove': 'Retirer {name}',
    'evidence.cleaned': 'Nettoyé : {removed}',
    'evidence.cleanedNothing': 'Réencodé ; aucune information cachée trouvée.',
    'evidence.cleanFailed': 'Cette image n’a pas pu être nettoyée : elle n’a donc pas été ajoutée.',
    'evidence.warnDocument':
      'Attention : {name} est un document qui peut contenir le nom de l’auteur, l’organisation, l’ordinateur sur lequel il a été créé ou des versions antérieures du texte. Il n’est pas nettoyé. Ne continuez que si c’est sans danger pour vous.',
    'evidence.keepDocument': 'Le joindre quand même',
    'evidence.dropDocument': 'Ne pas le joindre',
    'evidence.removed.exif': 'informations d’appareil photo et de retouche (EXIF)',
    'evidence.removed.gps': 'position (GPS)',
    'evidence.removed.xmp': 'métadonnées XMP',
    'evidence.removed.iptc': 'métadonnées IPTC',
    'evidence.removed.comment': 'commentaires',
    'evidence.removed.icc': 'profil de couleur',
    'evidence.removed.text': 'blocs de texte',
    'evidence.size': '{size}',

    'review.title': 'Vérifiez votre signalement',
    'review.lead': 'Voici ce qui sera verrouillé et envoyé à {name}.',
    'review.channel': 'Destinataire',
    'review.answers': 'Vos réponses',
    'review.files': 'Fichiers',
    'review.empty': '(sans réponse)',
    'review.submit': 'Verrouiller et envoyer',
    'review.edit': 'Modifier les réponses',

    'submit.title': 'Envoi de votre signalement',
    'submit.work':
      'Preuve que ceci n’est pas une attaque automatisée (cela peut prendre une minute)',
    'submit.workLeftSeconds': 'Encore environ {seconds} s sur cet appareil',
    'submit.workLeftMinutes': 'Encore environ {minutes} min sur cet appareil',
    'submit.workSoon': 'D’un instant à l’autre',
    'submit.keys': 'Création de votre reçu',
    'submit.encrypt': 'Verrouillage de votre signalement',
    'submit.upload': 'Envoi',
    'submit.done': 'Envoyé',
    'submit.retrying':
      'La connexion a été coupée. Nouvelle tentative dans un instant ; ce qui a déjà été envoyé est conservé.',
    'submit.failed': 'L’envoi a échoué. Votre signalement est toujours dans cet onglet.',
    'submit.recipientsChanged':
      'Pendant que vous écriviez, l’organisation a changé les destinataires de ses signalements. Votre signalement est de nouveau verrouillé pour les destinataires actuels.',
    'submit.recipientsFailed':
      'L’organisation a changé les destinataires de ses signalements, et la nouvelle liste n’a pas pu être vérifiée. Rien n’a été envoyé. Réessayez dans quelques minutes ; votre signalement reste dans cet onglet jusqu’à ce que vous le fermiez.',
    'submit.retry': 'Réessayer',
    'submit.progress': '{label} : {percent} %',

    'receipt.title': 'Votre reçu',
    'receipt.lead':
      'Notez ce reçu et gardez-le dans un endroit sûr et privé. C’est le seul moyen de retrouver votre signalement. Il ne sera plus affiché, et personne ne peut le retrouver.',
    'receipt.copy': 'Copier',
    'receipt.copied': 'Copié. Videz votre presse-papiers après l’avoir mis en lieu sûr.',
    'receipt.confirm': 'Saisissez le reçu ici pour vérifier que vous l’avez bien noté',
    'receipt.mismatch': 'Cela ne correspond pas. Vérifiez ce que vous avez noté et réessayez.',
    'receipt.confirmed': 'C’est correct. Vous pouvez maintenant quitter cette page.',
    'receipt.check': 'Vérifier',
    'receipt.finish': 'Terminer',
    'receipt.hearBack':
      'L’organisation devrait accuser réception de votre signalement d’ici le {date}.',

    'return.title': 'Consulter votre signalement',
    'return.lead': 'Saisissez le reçu que vous avez obtenu en envoyant votre signalement.',
    'return.label': 'Reçu',
    'return.open': 'Ouvrir mon signalement',
    'return.deriving': 'Déverrouillage avec votre reçu…',
    'return.derivingOld':
      'Ce reçu date d’avant un changement de la façon dont les reçus se déverrouillent. Le déverrouiller prend plus de temps : quelques secondes sur un ordinateur, jusqu’à une ou deux minutes sur un téléphone lent ou dans Tor Browser.',
    'progress.elapsed': 'En cours : {seconds} s jusqu’ici.',
    'progress.secondsLeft': 'Environ {left} s restantes ({seconds} s jusqu’ici).',
    'progress.minutesLeft': 'Environ {minutes} minutes restantes ({seconds} s jusqu’ici).',
    'return.invalid': 'Ce reçu n’est pas valide. Vérifiez chaque groupe de caractères.',
    'return.unknown': 'Aucun signalement ne correspond à ce reçu.',
    'returnRefused.title': 'Arrêtez : n’envoyez plus rien par ce site',
    'returnRefused.lead':
      'Votre navigateur a comparé la réponse du serveur avec votre reçu, et elle ne correspond pas au signalement que vous avez envoyé. Quelqu’un a peut-être modifié ce site : rien de plus n’a donc été envoyé, et votre signalement n’est pas affiché.',
    'returnRefused.noMore':
      'N’envoyez ni réponse, ni fichier, ni rien d’autre par ce site tant que l’organisation qui le gère ne vous a pas dit, par un autre moyen auquel vous faites confiance, que c’est de nouveau sûr.',
    'returnRefused.keepReceipt':
      'Gardez votre reçu en lieu sûr et secret : c’est toujours le seul moyen de retrouver votre signalement, et personne ne peut le réinitialiser.',
    'returnRefused.close':
      'Vous pouvez fermer cet onglet maintenant. Rien de votre reçu n’y est conservé.',

    'case.title': 'Votre signalement',
    'case.outcome': 'Conclusion',
    'case.status': 'État',
    'case.submitted': 'Envoyé le {date}',
    'case.ackBy': 'Vous devriez recevoir un accusé de réception d’ici le {date}.',
    'case.feedbackBy': 'Vous saurez d’ici le {date} quelles suites sont données.',
    'case.timeline': 'Ce qui s’est passé',
    'case.timelineEntry': '{date} : {what}',
    'case.messages': 'Messages',
    'case.noMessages': 'Aucun message pour l’instant.',
    'case.fromYou': 'Vous',
    'case.fromDesk': 'Enquêteur',
    'case.reply': 'Votre réponse',
    'case.send': 'Envoyer la réponse',
    'case.sent': 'Réponse envoyée.',
    'case.addEvidence': 'Ajouter d’autres preuves',
    'case.uploadEvidence': 'Envoyer les fichiers',
    'case.evidenceSent': 'Fichiers envoyés.',
    'case.logout': 'Se déconnecter',
    'case.refresh': 'Vérifier les nouveautés',
    'case.loggedOut': 'Vous êtes déconnecté. Fermez cet onglet quand vous avez terminé.',
    'case.unverified': 'Message non vérifié, non affiché',
    'case.unverifiedDetail':
      'Ce message a échoué à son contrôle d’intégrité : ni son texte ni son auteur ne sont affichés. Quelqu’un qui contrôle le serveur l’a peut-être falsifié, modifié ou répété. Les autres messages sont vérifiés.',
    'case.missingBefore':
      '{count, plural, one {# message antérieur de cet auteur manque} other {# messages antérieurs de cet auteur manquent}} ici : le serveur ne les a pas transmis.',

    'status.submitted': 'Reçu',
    'status.acknowledged': 'Réception confirmée',
    'status.in_review': 'En cours d’évaluation',
    'status.investigating': 'En cours d’enquête',
    'status.closed': 'Clos',
    'status.purged': 'Supprimé',

    'outcome.substantiated': 'Les faits signalés ont été établis',
    'outcome.unsubstantiated': 'Les faits signalés n’ont pas pu être confirmés',
    'outcome.no_action_possible': 'Aucune action n’a été possible',
    'outcome.referred_elsewhere': 'Transmis à un autre organisme',
    'nav.statistics': 'Statistiques',
    'sector.procurement': 'Marchés publics',
    'sector.police': 'Police',
    'sector.health': 'Santé',
    'sector.mining': 'Mines',
    'sector.fisheries': 'Pêche',
    'sector.land': 'Foncier',
    'sector.other': 'Autre',
    'sector.unspecified': 'Secteur non défini',
    'statistics.title': 'Statistiques publiées',
    'statistics.lead':
      'Ce que les organisations de cette coalition ont reçu et comment elles ont répondu, par trimestre. Seuls les trimestres terminés sont publiés, et les petits nombres sont masqués afin que personne ne puisse être repéré.',
    'statistics.none': 'Rien n’a encore été publié.',
    'statistics.published': 'Publié le {date}.',
    'statistics.quarter': 'Trimestre',
    'statistics.channel': 'Organisation',
    'statistics.sector': 'Secteur',
    'statistics.allChannels': 'Toutes les organisations',
    'statistics.allSectors': 'Tous les secteurs',
    'statistics.hidden': 'masqué*',
    'statistics.hiddenNote':
      '* Moins de {threshold}, ou masqué pour qu’un nombre inférieur à {threshold} ne puisse pas être déduit des autres.',
    'statistics.measure.received': 'Signalements reçus',
    'statistics.measure.acknowledgedInTime': 'Accusés de réception dans les délais',
    'statistics.measure.feedbackInTime': 'Retours dans les délais',
    'desk.statistics.nav': 'Statistiques',
    'desk.statistics.lead':
      'Chiffres en direct pour les canaux que vous recevez. Ils ne quittent jamais le bureau : seul un instantané publié par un administrateur est public.',
    'desk.statistics.share': '{done} sur {due} ({percent})',
    'desk.statistics.noneDue': 'rien d’échu pour l’instant',
    'desk.statistics.medianAck': 'Délai médian d’accusé de réception',
    'desk.statistics.medianFeedback': 'Délai médian de retour',
    'desk.statistics.days': '{count, plural, one {# jour} other {# jours}}',
    'desk.statistics.noValue': '–',
    'desk.statistics.ackOverdue': 'Accusés de réception en retard',
    'desk.statistics.feedbackOverdue': 'Retours en retard',
    'desk.statistics.byQuarter': 'Par trimestre de réception',
    'desk.statistics.byChannel': 'Par canal',
    'desk.statistics.chart': 'Signalements reçus par trimestre',
    'desk.statistics.publish.title': 'Publier les statistiques',
    'desk.statistics.publish.lead':
      'Publier met un instantané sur le site public de signalement : trimestres terminés uniquement, chaque nombre sous le seuil masqué, ainsi que les nombres qui permettraient de le déduire. Regardez d’abord l’aperçu : un instantané publié ne peut pas être retiré.',
    'desk.statistics.publish.threshold': 'Masquer les nombres inférieurs à',
    'desk.statistics.publish.preview': 'Aperçu',
    'desk.statistics.publish.confirm': 'Publier cet instantané',
    'desk.statistics.publish.done': 'Publié le {date}.',
    'desk.statistics.publish.empty':
      'Aucun trimestre ne s’est terminé depuis le premier signalement : il n’y a encore rien à publier.',
    'desk.notify.title': 'Notifications par courriel',
    'desk.notify.lead':
      'Le bureau peut vous écrire qu’il y a du travail : un nouveau signalement dans vos canaux, une réponse d’un lanceur d’alerte, un délai qui approche ou est dépassé. Le message ne dit jamais quoi, où ni exactement quand. Laissez l’adresse vide pour ne recevoir aucun courriel.',
    'desk.notify.failed':
      'Enregistrement impossible : vérifiez l’adresse et la clé, puis réessayez.',
    'desk.notify.email': 'Adresse électronique',
    'desk.notify.mode': 'Fréquence',
    'desk.notify.mode.default': 'Le réglage par défaut ({mode})',
    'desk.notify.mode.immediate': 'Aussitôt, quand il y a du travail',
    'desk.notify.mode.digest': 'Un message par jour, seulement s’il y a du travail',
    'desk.notify.mode.daily':
      'Un message chaque jour, qu’il y ait du travail ou non (masque quand les signalements arrivent)',
    'desk.notify.pgp':
      'Clé publique OpenPGP (facultatif : les messages sont alors chiffrés pour elle)',
    'desk.notify.save': 'Enregistrer les notifications',
    'desk.notify.saved': 'Enregistré.',
    'desk.notify.defaultMode': 'Réglage par défaut pour qui n’a pas choisi',
    'desk.notify.saveDefault': 'Enregistrer le réglage par défaut',

    'timeline.ReportSubmitted': 'Signalement envoyé',
    'timeline.ReportAcknowledged': 'Réception du signalement confirmée',
    'timeline.ReportTriaged': 'Signalement évalué',
    'timeline.ReportAssigned': 'Enquêteur désigné',
    'timeline.ReportStatusChanged': 'État modifié',
    'timeline.MessagePosted': 'Message',
    'timeline.EvidenceAdded': 'Preuves ajoutées',
    'timeline.ReportReferred': 'Transmis',
    'timeline.ReportClosed': 'Dossier clos',
    'timeline.ReferralProposed': 'Transmission à une autre organisation proposée',
    'timeline.ReferralAccepted': 'Signalement transmis à une autre organisation',
    'timeline.ReferralDeclined': 'Transmission refusée',
    'timeline.ReferralWithdrawn': 'Transmission retirée',
    'case.referral.title': 'Une autre organisation',
    'case.referral.unknownOrganisation': 'une organisation qui ne figure pas ici',
    'case.referral.proposed':
      'Le {date}, les enquêteurs ont proposé de transmettre votre signalement à {organisation}. Rien ne lui est communiqué sans votre accord.',
    'case.referral.accepted':
      'Votre signalement a été transmis à {organisation} avec votre accord.',
    'case.referral.informed':
      'Votre signalement a été transmis à {organisation} : l’organisation à laquelle vous l’avez adressé doit le transmettre en vertu de la loi.',
    'case.referral.declined':
      'Vous avez refusé de transmettre votre signalement à {organisation}. Rien ne lui a été communiqué.',
    'case.referral.reason': 'Leur motif :',
    'case.referral.unverified':
      'Cette proposition n’a pas pu être vérifiée : son motif n’est pas affiché et vous ne pouvez pas y répondre ici.',
    'case.referral.choice':
      'Si vous acceptez, {organisation} pourra lire votre signalement et vos messages, et le traiter avec ses propres délais.',
    'case.referral.accept': 'Accepter : le transmettre',
    'case.referral.decline': 'Refuser : le garder ici',
    'desk.admin.referralMode': 'Transmission à un autre membre depuis',
    'desk.admin.referralConsent': 'Le lanceur d’alerte décide',
    'desk.admin.referralInform': 'Information seulement : obligation légale de transmettre',
    'desk.admin.referralModeSave': 'Enregistrer le réglage de transmission',
    'desk.admin.referralModeNoList':
      "Publiez d'abord les destinataires du canal : le réglage de transmission est signé dans leur liste.",
    'desk.referral.title': 'Transmission à un autre membre',
    'desk.referral.line':
      '{channel} : {status, select, proposed {en attente du lanceur d’alerte} accepted {transmis} declined {refusé par le lanceur d’alerte} withdrawn {retiré} other {inconnu}} (proposé le {date})',
    'desk.referral.withdraw': 'Retirer',
    'desk.referral.target': 'Transmettre à',
    'desk.referral.reason':
      'Motif (le lanceur d’alerte le lit ; il est chiffré dans votre navigateur)',
    'desk.referral.handOver':
      'Céder le dossier : votre canal perd l’accès dès que la transmission prend effet',
    'desk.referral.consentNote':
      'Le lanceur d’alerte décide : rien n’est communiqué à l’autre membre sans son accord.',
    'desk.referral.informNote':
      'Votre canal transmet en vertu d’une obligation légale : le lanceur d’alerte est informé, pas consulté.',
    'desk.referral.propose': 'Proposer la transmission',
    'desk.referral.forward': 'Transmettre le signalement',
    'desk.referral.done':
      'Transmission envoyée. Seule une transmission acceptée donne la clé à l’autre membre.',
    'desk.referral.refused':
      'La liste des destinataires de l’autre membre n’a pas pu être vérifiée : rien n’a été envoyé. Prévenez votre administrateur.',
    'desk.referral.referredIn':
      'Transmis par {channel}. Accuser réception avant le {ack} ; retour avant le {feedback}.',
    'desk.referral.incomingTitle': 'Transmis à vos canaux',
    'desk.referral.incomingLine': 'transmis par {channel} ; accuser réception avant le {ack}',
    'desk.step.ReferralProposed': 'Transmission à {detail} proposée',
    'desk.step.ReferralAccepted': 'Transmission à {detail} acceptée par le lanceur d’alerte',
    'desk.step.ReferralForwarded': 'Transmis à {detail} (information seulement)',
    'desk.step.ReferralDeclined': 'Transmission refusée par le lanceur d’alerte',
    'desk.step.ReferralWithdrawn': 'Transmission retirée',
    'timeline.ReferralAcknowledged': 'L’autre organisation a reçu votre signalement',
    'case.referral.received': '{organisation} a reçu votre signalement ({date}).',
    'desk.step.ReferralAcknowledged':
      'Réception de la transmission confirmée par le membre destinataire',
    'desk.referral.acknowledge': 'Accuser réception de la transmission',
    'desk.referral.acknowledged': 'Réception accusée le {date}.',
    'desk.referral.incomingAcknowledged': 'transmis par {channel} ; réception accusée le {date}',
    'timeline.other': 'Mise à jour',
    'timeline.withDetail': '{what} : {detail}',

    'desk.nav': 'Bureau',
    'desk.queues': 'Files',
    'desk.admin': 'Administration',
    'desk.logout': 'Se déconnecter',
    'desk.setup.title': 'Configurer cette instance',
    'desk.setup.lead':
      'C’est le premier démarrage. Créez le premier compte administrateur. Ses clés sont créées dans ce navigateur ; sa clé de signature devient la clé de l’instance, qui signe chaque liste de destinataires.',
    'desk.setup.token': 'Jeton de configuration (affiché par le serveur au premier démarrage)',
    'desk.setup.submit': 'Configurer',
    'desk.enrol.title': 'S’inscrire comme enquêteur',
    'desk.enrol.invite': 'Invitation (de votre administrateur)',
    'desk.enrol.email': 'Nom d’utilisateur',
    'desk.enrol.password': 'Mot de passe (au moins 12 caractères)',
    'desk.enrol.passwordShort': 'Utilisez au moins 12 caractères.',
    'desk.enrol.submit': 'Créer mes clés',
    'desk.enrol.totp':
      'Scannez ce code avec une application d’authentification, puis saisissez le code à six chiffres qu’elle affiche.',
    'desk.enrol.totpSecret': 'Ou saisissez ce secret : {secret}',
    'desk.enrol.qrAlt': 'Code QR pour votre application d’authentification',
    'desk.enrol.code': 'Code à six chiffres',
    'desk.enrol.confirm': 'Confirmer',
    'desk.enrol.recovery':
      'Votre clé de récupération. Imprimez-la ou notez-la et conservez-la hors ligne. Elle n’est affichée qu’une fois ; elle déverrouille vos clés si vous oubliez votre mot de passe.',
    'desk.enrol.done': 'Inscription terminée. Vous pouvez maintenant vous connecter.',
    'desk.login.title': 'Connexion des enquêteurs',
    'desk.login.user': 'Nom d’utilisateur',
    'desk.login.password': 'Mot de passe',
    'desk.login.totp': 'Code d’authentification',
    'desk.login.submit': 'Se connecter',
    'desk.login.failed': 'La connexion a échoué. Vérifiez vos informations et réessayez.',
    'desk.login.busy':
      'Trop de connexions sont en cours de vérification. Veuillez réessayer dans un instant.',
    'desk.password.nav': 'Mot de passe',
    'desk.account.nav': 'Compte',
    'desk.account.title': 'Votre compte',
    'desk.account.safetyNumber': 'Votre numéro de sécurité',
    'desk.account.safetyLead':
      'Ce numéro est calculé dans ce navigateur à partir des clés de votre coffre. Il change si quelqu’un, serveur compris, met d’autres clés à votre place.',
    'desk.account.safetyHow':
      'Avant de vous ajouter à un canal, un administrateur doit le comparer avec vous par téléphone ou en personne : lisez-le-lui groupe par groupe. Ne le comparez jamais par e-mail ni par le Bureau.',
    'desk.keyAlarm.title':
      'Attention : vos clés ont été remplacées dans une liste de destinataires',
    'desk.keyAlarm.lead':
      'Ce navigateur a comparé les listes de destinataires signées du Bureau avec les clés de votre coffre et a trouvé un problème. Les signalements envoyés à ces canaux pourraient être lisibles par quelqu’un d’autre.',
    'desk.keyAlarm.keys-differ':
      'Canal {channel}, version de liste {version} : elle vous associe à des clés qui ne sont pas les vôtres.',
    'desk.keyAlarm.signature-invalid':
      'Canal {channel}, version de liste {version} : sa signature n’est pas valide pour la clé de l’instance.',
    'desk.keyAlarm.todo':
      'L’alarme est enregistrée dans le journal d’audit. Prévenez un administrateur par téléphone ou en personne, pas par le Bureau, et n’ouvrez ni ne partagez aucun signalement tant que ce n’est pas expliqué.',
    'desk.password.title': 'Changer votre mot de passe',
    'desk.password.lead':
      'Vos clés restent les mêmes : votre navigateur les place dans un nouveau coffre protégé par le nouveau mot de passe. Vous recevez une nouvelle clé de récupération ; l’ancienne ne fonctionne plus pour le nouveau coffre.',
    'desk.password.current': 'Mot de passe actuel',
    'desk.password.new': 'Nouveau mot de passe (au moins 12 caractères)',
    'desk.password.repeat': 'Nouveau mot de passe, à nouveau',
    'desk.password.submit': 'Changer le mot de passe',
    'desk.password.done': 'Mot de passe changé. Vos autres sessions ont été déconnectées.',
    'desk.password.recovery':
      'Votre nouvelle clé de récupération. Imprimez-la ou notez-la et gardez-la en lieu sûr ; elle n’est affichée que maintenant :',
    'desk.password.problem.short': 'Utilisez au moins 12 caractères.',
    'desk.password.problem.mismatch': 'Les deux nouveaux mots de passe sont différents.',
    'desk.password.problem.current': 'Le mot de passe actuel est incorrect.',
    'desk.password.problem.throttled': 'Trop de tentatives. Patientez puis réessayez.',
    'desk.password.problem.failed': 'Le mot de passe n’a pas pu être changé. Veuillez réessayer.',
    'desk.totpReset.title': 'Configurer une nouvelle application d’authentification',
    'desk.totpReset.lead':
      'Votre administrateur a réinitialisé votre application d’authentification. Saisissez le code de réinitialisation qu’il vous a donné, votre nom d’utilisateur et votre mot de passe.',
    'desk.totpReset.code': 'Code de réinitialisation (de votre administrateur)',
    'desk.totpReset.submit': 'Continuer',
    'desk.totpReset.done':
      'Votre nouvelle application d’authentification est configurée. Vous pouvez maintenant vous connecter.',
    'desk.totpReset.problem.refused':
      'Le code de réinitialisation ou le mot de passe est incorrect.',
    'desk.totpReset.problem.throttled': 'Trop de tentatives. Patientez puis réessayez.',
    'desk.totpReset.problem.failed': 'Une erreur s’est produite. Veuillez réessayer.',
    'desk.unlock.title': 'Déverrouiller vos clés',
    'desk.unlock.lead':
      'Vos clés privées sont verrouillées par votre mot de passe. Elles ne sont déverrouillées que dans ce navigateur.',
    'desk.unlock.submit': 'Déverrouiller',
    'desk.unlock.working':
      'Déverrouillage de vos clés avec votre mot de passe (Argon2id). Moins d’une seconde dans la plupart des navigateurs ; sans WebAssembly (Tor Browser « Plus sûr ») cela peut prendre plusieurs minutes.',
    'desk.unlock.failed': 'Mot de passe incorrect.',
    'desk.cases.nav': 'Liste des dossiers',
    'desk.cases.title': 'Liste des dossiers',
    'desk.cases.live':
      'En direct : les nouveaux signalements et réponses apparaissent ici sans rechargement.',
    'desk.cases.offline':
      'Mises à jour en direct indisponibles ; la liste se rafraîchit quand vous filtrez.',
    'desk.cases.views': 'Vues enregistrées',
    'desk.cases.all': 'Tous les dossiers',
    'desk.cases.search': 'Rechercher (champs en clair et étiquettes)',
    'desk.cases.any': 'Tous',
    'desk.cases.none': 'Non défini',
    'desk.cases.sector': 'Secteur',
    'desk.cases.region': 'Région',
    'desk.cases.label': 'Étiquette',
    'desk.cases.labels': 'Étiquettes',
    'desk.cases.assignee': 'Responsable',
    'desk.cases.assignees': 'Responsables',
    'desk.cases.me': 'Moi',
    'desk.cases.unassigned': 'Non attribué',
    'desk.cases.sort': 'Trier par',
    'desk.cases.sortDefault': 'L’ordre de la vue',
    'desk.cases.direction': 'Ordre',
    'desk.cases.asc': 'Croissant',
    'desk.cases.desc': 'Décroissant',
    'desk.cases.apply': 'Filtrer',
    'desk.cases.export.start': 'Exporter en CSV',
    'desk.cases.export.explain':
      '« Exporter en CSV » enregistre tous les dossiers de ce filtre (toutes les pages, pas seulement celle-ci) avec leurs champs en clair, créé dans ce navigateur. L’export est consigné dans le journal d’audit. Le fichier est une copie hors de la plateforme : gardez-le aussi précieusement que les dossiers.',
    'desk.cases.export.progress': 'Lecture des dossiers : {done} sur {total}',
    'desk.cases.export.ready': 'CSV prêt :',
    'desk.cases.export.failed':
      'La liste des dossiers n’a pas pu être exportée (une page n’a pas pu être lue, ou l’export n’a pas pu être consigné). Rien n’a été enregistré.',
    'desk.cases.total': '{count, plural, one {# dossier} other {# dossiers}}',
    'desk.work.label': 'Travail en attente',
    'desk.work.none': 'Rien en attente',
    'desk.work.newReports':
      '{count, plural, one {# nouveau signalement} other {# nouveaux signalements}}',
    'desk.work.replies': '{count, plural, one {# réponse non lue} other {# réponses non lues}}',
    'desk.work.due': '{count, plural, one {# échéance proche} other {# échéances proches}}',
    'desk.work.overdue': '{count, plural, one {# en retard} other {# en retard}}',
    'desk.reminder.due': 'Échéance proche : rappel envoyé',
    'desk.reminder.overdue': 'En retard : administrateurs prévenus',
    'desk.reminder.referralFeedbackDue': 'Retour sur la transmission attendu : rappel envoyé',
    'desk.reminder.referralFeedbackOverdue':
      'Retour sur la transmission en retard : administrateurs prévenus',
    'desk.reminder.referralDue': 'Transmission à accuser : rappel envoyé',
    'desk.reminder.referralOverdue':
      'Accusé de la transmission en retard : administrateurs prévenus',
    'desk.cases.reminder': 'Rappel',
    'desk.cases.awaiting': 'Dernier à écrire',
    'desk.cases.awaiting.investigator': 'Le lanceur d’alerte',
    'desk.cases.awaiting.whistleblower': 'Nous',
    'desk.cases.unread': 'Non lus',
    'desk.cases.unreadCount': '{count, plural, one {# nouveau} other {# nouveaux}}',
    'desk.cases.referredBy': 'Transmis par {channel}',
    'desk.cases.previous': 'Page précédente',
    'desk.cases.next': 'Page suivante',
    'desk.cases.col.received': 'Reçu',
    'desk.cases.col.nextDeadline': 'Prochaine échéance',
    'desk.cases.col.priority': 'Priorité',
    'desk.cases.col.status': 'État',
    'desk.cases.col.sector': 'Secteur',
    'desk.cases.col.region': 'Région',
    'desk.cases.col.lastActivity': 'Dernière activité',
    'desk.queue.title': 'Files',
    'desk.queue.empty': 'Aucun dossier dans cette file.',
    'desk.queue.refresh': 'Actualiser',
    'desk.queue.inbox': 'Boîte de réception',
    'desk.queue.needs_triage': 'À trier',
    'desk.queue.mine': 'Qui me sont attribués',
    'desk.queue.awaiting_whistleblower': 'En attente du lanceur d’alerte',
    'desk.queue.feedback_due_soon': 'Retour bientôt dû',
    'desk.queue.feedback_overdue': 'Retour en retard',
    'desk.queue.closed': 'Clos',
    'desk.queue.open': 'File',
    'desk.queue.count': '{name} ({count})',
    'desk.queue.case': 'Dossier {id}',
    'desk.queue.received': 'Reçu le {date}',
    'desk.case.title': 'Dossier {id}',
    'desk.case.answers': 'Réponses',
    'desk.case.fromWhistleblower': 'Lanceur d’alerte',
    'desk.case.evidence': 'Preuves',
    'desk.case.download': 'Déchiffrer et enregistrer {name}',
    'desk.case.downloading': 'Déchiffrement de {name} : {percent} %',
    'desk.case.messages': 'Messages avec le lanceur d’alerte',
    'desk.case.notes': 'Notes internes',
    'desk.case.timeline': 'Échéances et évaluation',
    'desk.case.ackDue': 'Accuser réception d’ici le {date}',
    'desk.case.feedbackDue': 'Retour dû d’ici le {date}',
    'desk.case.triaged': 'Priorité {priority}, secteur {sector}',
    'desk.case.assignees': 'Enquêteurs attribués : {count}',
    'desk.case.ack': 'Accuser réception',
    'desk.case.ackTemplate':
      'Merci pour votre signalement. Nous l’avons reçu et allons l’examiner. Nous vous contacterons ici si nous avons des questions.',
    'desk.case.triage': 'Trier',
    'desk.case.priority': 'Priorité',
    'desk.case.sector': 'Secteur',
    'desk.case.assign': 'Attribuer',
    'desk.case.assignee': 'Enquêteur',
    'desk.case.status': 'Changer l’état',
    'desk.case.message': 'Message au lanceur d’alerte',
    'desk.case.send': 'Envoyer',
    'desk.case.note': 'Note interne (jamais montrée au lanceur d’alerte)',
    'desk.case.addNote': 'Ajouter la note',
    'desk.case.close': 'Clore le dossier',
    'desk.case.outcome': 'Conclusion (montrée au lanceur d’alerte)',
    'desk.case.conflict':
      'Quelqu’un d’autre a modifié ce dossier pendant que vous y travailliez. Il a été rechargé : vérifiez l’état le plus récent et réessayez.',
    'desk.case.done': 'Fait.',
    'desk.case.report': 'Le signalement',
    'desk.case.work': 'Traiter ce dossier',
    'desk.case.history': 'Historique',
    'desk.case.noAnswers': 'Aucune réponse.',
    'questions.language': 'Langue des questions',
    'desk.case.answeredIn': 'Réponses données en {language}.',
    'desk.case.askedAs': 'La question telle que le lanceur d’alerte l’a lue ({language}) :',
    'desk.case.choseAs': 'Sa réponse telle qu’il l’a lue :',
    'desk.admin.questionnaireLanguage': 'Langue de ces questions (un code comme en, af ou de)',
    'desk.admin.questionnaireAlso':
      'Aussi rédigé en (codes séparés par des virgules, comme af, de)',
    'desk.admin.questionnaireIn':
      'Questions en {language} ({code}) : les mêmes questions dans le même ordre, une par ligne',
    'desk.admin.questionnaireHelp':
      'Un choix : après la question, « | clé=mots » pour chaque réponse, par exemple « Est-ce que cela continue ? | yes=Oui | no=Non ». Chaque langue utilise les mêmes clés.',
    'desk.admin.questionnaireUntranslated':
      'Dans une traduction, une ligne avec seulement « - » garde cette question dans la langue par défaut.',
    'desk.admin.questionnaireMismatch':
      'Chaque langue doit avoir les mêmes questions, une par ligne dans le même ordre, avec les mêmes clés de réponse.',
    'desk.case.questionId': 'Question « {id} » (absente du questionnaire du canal)',
    'desk.case.deadlines': 'Échéances',
    'desk.case.deadline.acknowledge': 'Accusé de réception',
    'desk.case.deadline.feedback': 'Retour',
    'desk.case.deadline.referralAcknowledge': 'Accuser réception de la transmission',
    'desk.case.deadline.referralFeedback': 'Retour sur la transmission',
    'desk.case.deadline.met': '{what} : fait',
    'desk.case.deadline.left':
      '{what} : {days, plural, one {encore # jour} other {encore # jours}} ({date})',
    'desk.case.deadline.late':
      '{what} : {days, plural, one {# jour de retard} other {# jours de retard}} ({date})',
    'desk.case.deadline.today': '{what} : échéance aujourd’hui ({date})',
    'desk.case.assigned': 'Attribué à',
    'desk.case.nobodyAssigned': 'Personne pour l’instant',
    'desk.case.triageShown': 'Priorité, secteur',
    'desk.case.notTriaged': 'Pas encore trié',
    'desk.case.evidenceSealed':
      'Fichier scellé, jusqu’à {size} ; son nom et son type s’affichent une fois déchiffré',
    'desk.case.evidenceOpened': '{type}, {size}',
    'desk.case.decrypt': 'Déchiffrer {name}',
    'desk.case.save': 'Enregistrer',
    'desk.case.previewOf': 'Aperçu de {name}',
    'desk.case.openPdf': 'Ouvrir dans un nouvel onglet :',
    'desk.case.noPreview':
      'Pas d’aperçu pour ce type : enregistrez-le et ouvrez-le sur un ordinateur prévu à cet effet.',
    'desk.case.noEvidence': 'Aucun fichier de preuve.',
    'desk.case.unknownType': 'type inconnu',
    'desk.case.by': '{what} · {who}',
    'desk.case.stepAt': '{date}',
    'desk.case.byWhistleblower': 'le lanceur d’alerte',
    'desk.case.note.label': 'Note interne',
    'desk.case.evidence.label': 'Fichier de preuve',
    'desk.step.ReportSubmitted': 'Signalement reçu',
    'desk.step.ReportAcknowledged': 'Réception confirmée',
    'desk.step.ReportTriaged': 'Trié : {detail}',
    'desk.step.ReportAssigned': 'Attribué à {detail}',
    'desk.step.ReportUnassigned': 'Attribution retirée : {detail}',
    'desk.step.ReportStatusChanged': 'État : {detail}',
    'desk.step.ReportClosed': 'Clos : {detail}',
    'desk.step.ReportReferred':
      'Transmis à un autre organisme (le destinataire est scellé dans la transmission)',
    'desk.step.ReportReopened': 'Rouvert',
    'desk.step.ReportKeyShared': 'Clé du signalement partagée avec {detail}',
    'desk.step.ReportLabelAttached': 'Étiquette ajoutée : {detail}',
    'desk.step.ReportLabelDetached': 'Étiquette retirée : {detail}',
    'desk.step.other': 'Mise à jour',
    'desk.admin.ackTemplate': 'Message d’accusé de réception pour',
    'desk.admin.ackTemplateHelp':
      'Proposé comme premier message au lanceur d’alerte quand la réception d’un signalement de ce canal est confirmée ; l’enquêteur peut encore le modifier. Laissez vide pour le texte standard.',
    'desk.admin.ackTemplateSave': 'Enregistrer le message d’accusé de réception',
    'desk.admin.labels': 'Étiquettes de dossier pour',
    'desk.admin.labelsHelp':
      'Une étiquette par ligne (des mots simples, 40 caractères au plus, aucun contenu de dossier) : les étiquettes que les enquêteurs peuvent poser sur les dossiers de ce canal.',
    'desk.admin.labelsSave': 'Enregistrer les étiquettes',
    'desk.case.labels': 'Étiquettes',
    'desk.case.noLabels': 'Aucune étiquette',
    'desk.case.addLabel': 'Ajouter une étiquette',
    'desk.case.attachLabel': 'Ajouter l’étiquette',
    'desk.case.removeLabel': 'Retirer l’étiquette {label}',
    'desk.shortcuts.open': 'Raccourcis clavier (?)',
    'desk.shortcuts.title': 'Raccourcis clavier',
    'desk.shortcuts.lead':
      'Sur un dossier, hors des champs de texte. Chacun vous amène à l’étape ; rien n’est envoyé avant que vous appuyiez sur son bouton.',
    'desk.shortcuts.next': 'Dossier suivant dans la liste d’où vous venez',
    'desk.shortcuts.previous': 'Dossier précédent dans cette liste',
    'desk.shortcuts.acknowledge': 'Aller à l’accusé de réception',
    'desk.shortcuts.reply': 'Écrire un message au lanceur d’alerte',
    'desk.shortcuts.assign': 'Choisir à qui attribuer',
    'desk.shortcuts.help': 'Afficher cette liste',
    'desk.shortcuts.close': 'Fermer',
    'desk.shortcuts.noNext': 'Plus aucun dossier dans la liste d’où vous venez.',
    'desk.purge.title': 'Supprimer définitivement ce signalement',
    'desk.purge.explain':
      'La durée de conservation d’un dossier clos peut prendre fin plus tôt : la suppression définitive détruit le signalement pour toujours. Personne ne peut l’annuler.',
    'desk.purge.open': 'Supprimer le signalement…',
    'desk.purge.confirmTitle': 'Supprimer définitivement le signalement {id} ?',
    'desk.purge.destroys': 'Cela détruit, sur ce serveur :',
    'desk.purge.destroyAnswers':
      'les réponses, les messages avec le lanceur d’alerte et les notes internes',
    'desk.purge.destroyEvidence': 'les fichiers de preuve ({count})',
    'desk.purge.destroyQueue':
      'le dossier dans chaque file, ses échéances, son tri et ses attributions, ainsi que ses entrées dans le journal d’audit',
    'desk.purge.destroyReceipt':
      'le lien avec le reçu : le reçu du lanceur d’alerte sera alors traité comme un reçu qui n’a jamais existé',
    'desk.purge.keeps':
      'Seule une trace subsiste : que le signalement {id} a été supprimé, par vous, et quand. Les sauvegardes faites avant ce moment et les copies déjà téléchargées ne sont pas concernées.',
    'desk.purge.typeId': 'Saisissez {id} pour confirmer',
    'desk.purge.mismatch': 'Saisissez exactement les 8 caractères {id}.',
    'desk.purge.confirm': 'Supprimer définitivement',
    'desk.purge.cancel': 'Annuler',
    'desk.purge.done':
      'Le signalement {id} a été supprimé. Seule la trace de sa suppression subsiste.',
    'desk.purge.pending':
      'Le signalement {id} est supprimé et refusé à tous ; l’effacement de ses derniers fichiers a échoué et sera achevé par la tâche de conservation.',
    'desk.purge.back': 'Retour aux files',
    'desk.case.notRecipient':
      'Ce signalement ne vous a pas été envoyé. Seuls les destinataires de son canal au moment de l’envoi peuvent le lire.',
    'desk.case.sealedByServer':
      'Chiffré par le serveur : ce signalement a été envoyé depuis un navigateur sans JavaScript, le serveur a donc vu son contenu pendant qu’il le chiffrait (et a créé son reçu). Considérez que ce contenu est passé une fois par le serveur.',
    'desk.case.notShared':
      'Ce signalement a été scellé avant votre ajout à son canal : vos clés ne peuvent donc pas encore l’ouvrir, et aucune clé partagée avec vous jusqu’ici ne l’ouvre. Demandez à un collègue qui peut l’ouvrir de le partager avec vous.',
    'desk.export.title': 'Dossier complet',
    'desk.export.explain':
      'Un PDF du dossier entier (réponses, chronologie avec messages et notes, et SHA-256 de chaque fichier de preuve), créé dans ce navigateur. Chaque fichier de preuve est téléchargé et déchiffré pour calculer son empreinte. L’export est consigné dans le journal d’audit ; le PDF n’est jamais envoyé au serveur. C’est une copie en clair : gardez-la aussi précieusement que le dossier.',
    'desk.export.start': 'Exporter le dossier (PDF)',
    'desk.export.evidence': 'Déchiffrement de la preuve {done} sur {total}',
    'desk.export.building': 'Création du PDF',
    'desk.export.ready': 'Dossier prêt :',
    'desk.export.save': 'Enregistrer {name}',
    'desk.export.failed':
      'Le dossier n’a pas pu être exporté (un fichier de preuve n’a pas pu être déchiffré, ou l’export n’a pas pu être consigné). Rien n’a été enregistré.',
    'desk.export.case': 'Dossier',
    'desk.export.received': 'Reçu',
    'desk.export.assignees': 'Enquêteurs attribués',
    'desk.export.labels': 'Étiquettes',
    'desk.export.report': 'Signalement {id}',
    'desk.export.exported': 'Exporté le {date} par {by}. Confidentiel.',
    'desk.export.timeline': 'Chronologie (messages et notes compris)',
    'desk.export.deadline': 'Échéance',
    'desk.export.file': '{name} · {type} · {size} octets',
    'desk.export.footer': 'Dossier {id} · confidentiel · page {page} sur {pages}',
    'desk.export.missing':
      '{count, plural, one {# caractère n’a pas pu être dessiné} other {# caractères n’ont pas pu être dessinés}} dans ce fichier et {count, plural, one {apparaît} other {apparaissent}} sous la forme ? : les polices intégrées couvrent le latin, le grec, le cyrillique et l’hébreu, et l’écriture arabe ne peut pas être mise en page correctement ici. La page du dossier montre le texte original.',
    'desk.share.title': 'Collègues qui ne peuvent pas ouvrir ce signalement',
    'desk.share.many':
      '{count, plural, one {# collègue ne peut pas encore ouvrir ce signalement : il a été scellé avant son ajout au canal.} other {# collègues ne peuvent pas encore ouvrir ce signalement : il a été scellé avant leur ajout au canal.}}',
    'desk.share.button': 'Partager le signalement avec eux',
    'desk.share.againTitle': 'Collègues qui ont reçu ce signalement de quelqu’un d’autre',
    'desk.share.again':
      '{count, plural, one {# collègue a reçu} other {# collègues ont reçu}} la clé de ce signalement d’un autre collègue. S’ils disent ne pas pouvoir l’ouvrir, partagez aussi votre copie : leur navigateur essaie chaque partage jusqu’à ce que l’un d’eux ouvre le signalement.',
    'desk.share.againButton': 'Partager aussi ma copie avec eux',
    'desk.share.done': 'Partagé. Vos collègues peuvent maintenant ouvrir le signalement.',
    'desk.share.refused':
      'La liste des destinataires du canal n’a pas pu être vérifiée : rien n’a été partagé. Prévenez votre administrateur.',
    'desk.admin.title': 'Administration',
    'desk.admin.investigators': 'Enquêteurs',
    'desk.admin.invite': 'Inviter un enquêteur',
    'desk.admin.handle': 'Nom d’utilisateur du nouvel enquêteur',
    'desk.admin.role': 'Rôle',
    'desk.admin.roleAdmin': 'Administrateur',
    'desk.admin.roleInvestigator': 'Enquêteur',
    'desk.admin.inviteCode': 'Invitation (à remettre en privé ; affichée une seule fois) : {code}',
    'desk.admin.channels': 'Canaux',
    'desk.admin.channelName': 'Nom du canal',
    'desk.admin.addChannel': 'Ajouter un canal',
    'desk.admin.recipientsOf': 'Qui reçoit les signalements envoyés à {name}',
    'desk.admin.publishRecipients': 'Signer et publier les destinataires',
    'desk.admin.published.done': 'Publié.',
    'desk.admin.published.conflict':
      'Quelqu’un d’autre a modifié ce canal entre-temps. Il a été rechargé : choisissez à nouveau.',
    'desk.admin.published.no-keys': 'Un enquêteur n’a pas encore de clés (non inscrit).',
    'desk.admin.published.failed': 'La publication a échoué.',
    'desk.admin.published.unproven':
      'Non signé : rien ne prouve que les clés fournies par le Bureau pour un destinataire soient les siennes.',
    'desk.admin.published.unconfirmed':
      'Pas encore signé : comparez chaque numéro de sécurité avec son titulaire et cochez que vous l’avez fait.',
    'desk.admin.safetyNumberOf': 'Numéro de sécurité de {handle} :',
    'desk.admin.compared':
      'J’ai comparé le numéro de sécurité de {handle} avec cette personne, par téléphone ou en personne, et il correspond',
    'desk.admin.unproven':
      'Attention : rien ne prouve que les clés fournies par le Bureau pour {handle} soient les siennes. Ne l’ajoutez pas ; demandez à {handle} de se reconnecter, et prévenez les personnes qui gèrent cette instance.',
    'desk.admin.noKeysOf': '{handle} n’a pas encore de clés (non inscrit).',
    'desk.admin.published.no-deployment-key':
      'Vous ne détenez pas la clé de l’instance. Un administrateur qui la détient doit d’abord la partager avec vous.',
    'desk.admin.deploymentKey': 'Clé de l’instance',
    'desk.admin.deploymentKey.lead':
      'Les listes de destinataires sont signées avec la clé de l’instance. Sa moitié privée n’existe que scellée pour les administrateurs qui la détiennent ; les navigateurs des lanceurs d’alerte et le Bureau refusent toute liste qu’elle n’a pas signée.',
    'desk.admin.deploymentKey.held': 'Vous détenez la clé de l’instance.',
    'desk.admin.deploymentKey.notHeld':
      'Vous ne détenez pas la clé de l’instance. Un administrateur qui la détient peut la partager avec vous.',
    'desk.admin.deploymentKey.share': 'Partager la clé de l’instance avec {handle}',
    'desk.admin.deploymentKey.shared': 'Partagée avec {handle}.',
    'desk.admin.deploymentKey.confirmShare': 'Sceller la clé de l’instance pour {handle}',
    'desk.admin.deploymentKey.rotate': 'Remplacer la clé de l’instance',
    'desk.admin.deploymentKey.rotated':
      'La clé de l’instance a été remplacée. Partagez la nouvelle clé avec les autres administrateurs qui doivent la détenir.',
    'desk.admin.deploymentKey.failed': 'Cela n’a pas fonctionné. Rechargez la page et réessayez.',
    'desk.admin.deploymentKey.unproven':
      'Non partagée : rien ne prouve que les clés fournies par le Bureau pour cet administrateur soient les siennes. Prévenez les personnes qui gèrent ce Bureau.',
    'desk.admin.questionnaire':
      'Questionnaire (une question par ligne ; terminez par * si elle est obligatoire)',
    'desk.admin.resetTotp': 'Réinitialiser l’application d’authentification de {handle}',
    'desk.admin.resetCode':
      'Code de réinitialisation pour {handle} (à remettre en privé ; affiché une seule fois ; à saisir sur /desk/totp-reset) : {code}',
    'desk.admin.hashes': 'Publiez ces empreintes',
    'desk.admin.hashesLead':
      'Les pages que sert cette instance, fichier par fichier. Publiez cette liste et la clé de l’instance là où lanceurs d’alerte et journalistes regardent : chacun peut alors vérifier que l’instance sert exactement ces fichiers (npm run verify avec son adresse).',
    'desk.admin.hashesKey': 'Clé de l’instance intégrée aux pages',
    'desk.admin.hashesUnpinned':
      'Aucune : ces pages font confiance à toute clé annoncée par le serveur. Le serveur les reconstruit avec la clé une fois la configuration terminée.',
    'desk.admin.hashesCommit': 'Construit à partir du commit',
    'desk.admin.hashesDirty':
      '(avec des modifications non commitées : personne ne peut le reconstruire)',
    'desk.admin.hashesFiles':
      'SHA-256 de chacun des {count, plural, one {# fichier} other {# fichiers}} (format sha256sum)',
    'desk.admin.hashesServed':
      'La même liste, avec la clé et le commit, est servie comme /manifest.json par ce Bureau et par le site public.',
    'desk.admin.hashesMissing':
      'Cette version n’a pas de manifest.json : reconstruisez-la avec npm run build.',
    'desk.admin.audit': 'Journal d’audit',
    'desk.admin.auditWhen': 'Quand',
    'desk.admin.auditWho': 'Qui',
    'desk.audit.actor.whistleblower': 'Le lanceur d’alerte',
    'desk.audit.actor.unauthenticated': 'Une personne non connectée',
    'desk.audit.actor.system': 'Le système (automatique)',
    'desk.audit.actor.operator': 'L’opérateur du serveur',
    'desk.audit.actor.unknown': 'Un compte qui ne figure plus dans la liste',
    'desk.admin.auditWhat': 'Ce qui s’est passé',
    'desk.admin.auditRecord': 'Entrée',
    'app.pageTitle': '{page} · {app}',
    'case.messageBy': '{who} · {date}',
    'desk.brand': '{app} · {desk}',
    'desk.case.entryAt': '{date} · {what}',
    'desk.case.entry': '{date} · {what} · {who}',
    'app.language': 'Langue',
    'app.communityDraft':
      'Version communautaire : cette traduction n’a pas encore été validée par un relecteur. Une phrase pas encore traduite s’affiche en anglais, soulignée en pointillés.',
    'desk.case.statusLine': 'État : {status} · Reçu le {received}',
    'desk.case.outcomeLine': 'Conclusion : {outcome}',
  },
} satisfies Locale;
