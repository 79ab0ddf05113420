import type { SafeMessages } from './en.ts';

/** Deutsch: wording as in the pages' catalogue (Meldung, Quittung, verschlüsseln). */
export const de: SafeMessages = {
  language: 'Sprache',
  channelsTitle: 'Melden ohne JavaScript',
  channelsHeading: 'Missstände melden ohne JavaScript',
  channelsChoose: 'Wählen Sie die Organisation, an die Sie melden',
  channelsNone: 'Zurzeit nimmt keine Organisation Meldungen entgegen.',
  returnLink: 'Ich habe eine Quittung: zurück zu meiner Meldung',
  required: 'Pflichtfeld',
  optional: 'freiwillig',
  yes: 'Ja',
  no: 'Nein',
  reportTitle: 'Meldung an {name}',
  reportFiles: 'Dateien (freiwillig: höchstens {files}, zusammen {mib} MiB)',
  reportSend: 'Meldung verschlüsseln und senden',
  reportAnother: 'Andere Organisation wählen',
  receiptTitle: 'Ihre Quittung',
  receiptHeading: 'Ihre Meldung ist eingegangen',
  receiptFiles: 'Mit ihr verschlüsselte Dateien: {count}.',
  receiptKeep:
    'Schreiben Sie diese Quittung auf oder bewahren Sie sie an einem Ort auf, den nur Sie erreichen. Mit ihr können Sie zurückkommen, die Fragen der Organisation lesen und beantworten. Sie wird nur einmal angezeigt: Niemand kann sie Ihnen noch einmal geben.',
  receiptFilesFailed:
    'Dateien, die nicht gespeichert werden konnten: {count}. Die Meldung selbst wurde gespeichert. Sie können die Dateien mit eingeschaltetem JavaScript senden, wenn Sie mit dieser Quittung zurückkehren.',
  receiptShare: 'Wer die Quittung hat, kann Ihre Meldung lesen: Geben Sie sie niemandem.',
  returnTitle: 'Mit Ihrer Quittung zurückkehren',
  returnHeading: 'Zurück zu Ihrer Meldung',
  formReply: 'Ihre Antwort',
  formReceipt: 'Ihre Quittung',
  formReceiptAgain:
    'Ihre Quittung (noch einmal: der Server behält zwischen den Seiten keinen Schlüssel)',
  formSendReply: 'Antwort verschlüsseln und senden',
  formOpen: 'Meine Meldung öffnen',
  caseTitle: 'Ihre Meldung',
  caseYou: 'Sie',
  caseInvestigator: 'Ermittler/in',
  caseUnverified: 'Eine Nachricht, die nicht überprüft werden konnte',
  caseStatus: 'Stand:',
  caseReceived: '(eingegangen am {date})',
  caseReplied: 'Ihre Antwort wurde verschlüsselt und gesendet.',
  caseMessages: 'Nachrichten',
  caseNoMessages: 'Noch keine Nachrichten. Schauen Sie später wieder vorbei.',
  caseAnswer: 'Antworten',
  caseClosed: 'Dieser Fall ist abgeschlossen und nimmt keine Antworten mehr an.',
  caseLeave: 'Verlassen',
  statusSubmitted: 'Eingegangen',
  statusAcknowledged: 'Eingang bestätigt',
  statusInReview: 'Wird geprüft',
  statusInvestigating: 'Wird untersucht',
  statusClosed: 'Abgeschlossen',
  errorTitle: 'Nicht gesendet',
  errorHeading: 'Es wurde nichts gesendet',
  errorNothingSaved:
    'Es wurde nichts gespeichert. Mit der Zurück-Taste Ihres Browsers kommen Sie zum Formular mit Ihrem Text zurück.',
  errorStart: 'Startseite ohne JavaScript',
  errorFormRefused:
    'Das Formular ist abgelaufen oder kam nicht von dieser Seite. Gehen Sie zurück, laden Sie die Seite neu und senden Sie es noch einmal.',
  errorAnswersMissing: 'Eine Pflichtfrage ist nicht beantwortet.',
  errorInvalid: 'Das Formular hat nicht den erwarteten Inhalt.',
  errorUnknownChannel: 'Diese Organisation gibt es nicht.',
  errorNotFound: 'Diese Seite gibt es nicht.',
  errorRateLimited: 'Zu viele Anfragen. Bitte warten Sie und versuchen Sie es erneut.',
  errorBusy: 'Der Dienst ist ausgelastet. Bitte versuchen Sie es erneut.',
  errorRecipients:
    'Die Empfängerliste dieser Organisation konnte nicht überprüft werden, daher wurde nichts für sie verschlüsselt.',
  errorReceipt: 'Die Quittung konnte nicht überprüft werden.',
  errorClosed: 'Dieser Fall ist abgeschlossen und nimmt keine Antworten mehr an.',
  errorTooLarge: 'Das Formular ist zu groß: Hängen Sie weniger oder kleinere Dateien an.',
  errorStorage:
    'Der Server kann zurzeit nichts speichern und hat dies nicht gespeichert. Bitte versuchen Sie es später erneut.',
  errorOther: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
  promiseHeading: 'Bevor Sie schreiben: was diese Seite versprechen kann und was nicht',
  promiseServerHtml:
    'Ihr Browser führt kein JavaScript aus und kann Ihre Meldung deshalb nicht selbst verschlüsseln. Auf dieser Seite <strong>sieht der Server, was Sie schreiben, und die Dateien, die Sie anhängen, während er sie verschlüsselt</strong>, für die Dauer dieses Vorgangs, und behält danach nur die verschlüsselte Fassung, die nur die Ermittler/innen der Organisation öffnen können. So arbeiten auch SecureDrop und GlobaLeaks. Wer den Server in diesem Moment kontrolliert, könnte sie lesen.',
  promiseStrongerHtml:
    'Mit eingeschaltetem JavaScript wird Ihre Meldung in Ihrem eigenen Browser verschlüsselt, und der Server sieht sie nie. So geht es: Öffnen Sie im Tor Browser das Schild-Symbol, wählen Sie <em>Einstellungen</em>, stellen Sie die Sicherheitsstufe auf <em>Sicherer</em> und öffnen Sie <a href="/">die Startseite</a> erneut.',
  promiseFiles:
    'Dateien werden so gesendet, wie sie sind: Fotos und Dokumente können Ihren Namen, Ihr Gerät oder einen Ort enthalten. Entfernen Sie, was Sie können, bevor Sie sie anhängen.',
  caseReferralTitle: 'Eine andere Organisation',
  caseReferralUnknown: 'eine hier nicht aufgeführte Organisation',
  caseReferralProposed:
    'Am {date} haben die Ermittelnden vorgeschlagen, Ihre Meldung an {organisation} weiterzugeben. Ohne Ihre Zustimmung wird nichts geteilt.',
  caseReferralAccepted: 'Ihre Meldung wurde mit Ihrer Zustimmung an {organisation} weitergegeben.',
  caseReferralInformed:
    'Ihre Meldung wurde an {organisation} weitergegeben: Die Organisation, an die Sie gemeldet haben, muss sie von Gesetzes wegen weiterleiten.',
  caseReferralDeclined:
    'Sie haben abgelehnt, Ihre Meldung an {organisation} weiterzugeben. Es wurde nichts geteilt.',
  caseReferralReason: 'Ihre Begründung:',
  caseReferralUnverified:
    'Dieser Vorschlag konnte nicht überprüft werden; seine Begründung wird nicht gezeigt, und er kann hier nicht beantwortet werden.',
  caseReferralChoice:
    'Wenn Sie zustimmen, kann {organisation} Ihre Meldung und Ihre Nachrichten lesen und mit eigenen Fristen bearbeiten.',
  caseReferralAccept: 'Zustimmen: weitergeben',
  caseReferralDecline: 'Ablehnen: hier behalten',
};
