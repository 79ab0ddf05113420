import type { SafeMessages } from './en.ts';

/** Français : vocabulaire des pages (signalement, reçu, chiffrer). */
export const fr: SafeMessages = {
  language: 'Langue',
  channelsTitle: 'Signaler sans JavaScript',
  channelsHeading: 'Signaler des irrégularités sans JavaScript',
  channelsChoose: 'Choisissez l’organisation à qui faire le signalement',
  channelsNone: 'Aucune organisation ne reçoit de signalements pour le moment.',
  returnLink: 'J’ai un reçu : revenir à mon signalement',
  required: 'obligatoire',
  optional: 'facultatif',
  yes: 'Oui',
  no: 'Non',
  reportTitle: 'Signalement à {name}',
  reportFiles: 'Fichiers (facultatif : au plus {files}, {mib} Mio au total)',
  reportSend: 'Chiffrer et envoyer le signalement',
  reportAnother: 'Choisir une autre organisation',
  receiptTitle: 'Votre reçu',
  receiptHeading: 'Votre signalement a été reçu',
  receiptFiles: 'Fichiers chiffrés avec lui : {count}.',
  receiptKeep:
    'Notez ce reçu, ou gardez-le dans un endroit que vous seul·e pouvez atteindre. Avec lui, vous pouvez revenir, lire les questions de l’organisation et y répondre. Il n’est affiché qu’une fois : personne ne peut vous le redonner.',
  receiptFilesFailed:
    'Fichiers qui n’ont pas pu être enregistrés : {count}. Le signalement lui-même l’a été. Vous pouvez les envoyer avec JavaScript activé, en revenant avec ce reçu.',
  receiptShare: 'Toute personne qui a le reçu peut lire votre signalement : ne le partagez pas.',
  returnTitle: 'Revenir avec votre reçu',
  returnHeading: 'Revenir à votre signalement',
  formReply: 'Votre réponse',
  formReceipt: 'Votre reçu',
  formReceiptAgain: 'Votre reçu (à nouveau : le serveur ne garde aucune clé entre les pages)',
  formSendReply: 'Chiffrer et envoyer la réponse',
  formOpen: 'Ouvrir mon signalement',
  caseTitle: 'Votre signalement',
  caseYou: 'Vous',
  caseInvestigator: 'Enquêteur·rice',
  caseUnverified: 'Un message qui n’a pas pu être vérifié',
  caseStatus: 'État :',
  caseReceived: '(reçu le {date})',
  caseReplied: 'Votre réponse a été chiffrée et envoyée.',
  caseMessages: 'Messages',
  caseNoMessages: 'Pas encore de message. Revenez plus tard.',
  caseAnswer: 'Répondre',
  caseClosed: 'Ce dossier est clos et n’accepte plus de réponse.',
  caseLeave: 'Quitter',
  statusSubmitted: 'Reçu',
  statusAcknowledged: 'Réception confirmée',
  statusInReview: 'En cours d’évaluation',
  statusInvestigating: 'En cours d’enquête',
  statusClosed: 'Clos',
  errorTitle: 'Non envoyé',
  errorHeading: 'Rien n’a été envoyé',
  errorNothingSaved:
    'Rien n’a été enregistré. Le bouton Retour de votre navigateur vous ramène au formulaire avec ce que vous avez écrit.',
  errorStart: 'Page d’accueil sans JavaScript',
  errorFormRefused:
    'Le formulaire a expiré ou ne vient pas de ce site. Revenez en arrière, rechargez la page et envoyez-le à nouveau.',
  errorAnswersMissing: 'Une question obligatoire n’a pas de réponse.',
  errorInvalid: 'Le formulaire n’a pas le contenu attendu.',
  errorUnknownChannel: 'Cette organisation n’existe pas.',
  errorNotFound: 'Cette page n’existe pas.',
  errorRateLimited: 'Trop de demandes. Veuillez patienter et réessayer.',
  errorBusy: 'Le service est occupé. Veuillez réessayer.',
  errorRecipients:
    'La liste des destinataires de cette organisation n’a pas pu être vérifiée : rien n’a donc été chiffré pour elle.',
  errorReceipt: 'Le reçu n’a pas pu être vérifié.',
  errorClosed: 'Ce dossier est clos et n’accepte plus de réponse.',
  errorTooLarge:
    'Le formulaire est trop volumineux : joignez moins de fichiers ou des fichiers plus petits.',
  errorStorage:
    'Le serveur ne peut rien enregistrer pour le moment et n’a pas enregistré ceci. Veuillez réessayer plus tard.',
  errorOther: 'Une erreur s’est produite. Veuillez réessayer.',
  promiseHeading: 'Avant d’écrire : ce que cette page peut promettre, et ce qu’elle ne peut pas',
  promiseServerHtml:
    'Votre navigateur n’exécute pas JavaScript : il ne peut donc pas chiffrer lui-même votre signalement. Sur cette page, <strong>le serveur voit ce que vous écrivez et les fichiers que vous joignez pendant qu’il les chiffre</strong>, le temps de l’opération, puis ne garde que la copie chiffrée, que seuls les enquêteurs de l’organisation peuvent ouvrir. SecureDrop et GlobaLeaks fonctionnent ainsi. Quiconque contrôle le serveur à ce moment-là pourrait la lire.',
  promiseStrongerHtml:
    'Avec JavaScript activé, votre signalement est chiffré dans votre propre navigateur et le serveur ne le voit jamais. Pour cela : dans Tor Browser, ouvrez l’icône du bouclier, choisissez <em>Paramètres</em>, réglez le niveau de sécurité sur <em>Plus sûr</em>, puis rouvrez <a href="/">la page d’accueil</a>.',
  promiseFiles:
    'Les fichiers sont envoyés tels quels : photos et documents peuvent contenir votre nom, votre appareil ou un lieu. Retirez ce que vous pouvez avant de les joindre.',
  caseReferralTitle: 'Une autre organisation',
  caseReferralUnknown: 'une organisation qui ne figure pas ici',
  caseReferralProposed:
    'Le {date}, les enquêteurs ont proposé de transmettre votre signalement à {organisation}. Rien ne lui est communiqué sans votre accord.',
  caseReferralAccepted: 'Votre signalement a été transmis à {organisation} avec votre accord.',
  caseReferralInformed:
    'Votre signalement a été transmis à {organisation} : l’organisation à laquelle vous l’avez adressé doit le transmettre en vertu de la loi.',
  caseReferralDeclined:
    'Vous avez refusé de transmettre votre signalement à {organisation}. Rien ne lui a été communiqué.',
  caseReferralReason: 'Leur motif :',
  caseReferralUnverified:
    'Cette proposition n’a pas pu être vérifiée : son motif n’est pas affiché et vous ne pouvez pas y répondre ici.',
  caseReferralChoice:
    'Si vous acceptez, {organisation} pourra lire votre signalement et vos messages, et le traiter avec ses propres délais.',
  caseReferralAccept: 'Accepter : le transmettre',
  caseReferralDecline: 'Refuser : le garder ici',
};
