// Deutsch (German as written in Namibia and Germany; formal "Sie"). Not yet reviewed by a native
// speaker: status 'complete' means every key is translated, not that the wording is signed off
// (reviewedBy stays unset until it is).
//
// Glossary (one word for one thing, everywhere):
//   report          Meldung                 whistleblower   hinweisgebende Person
//   receipt         Quittung                channel         Kanal
//   investigator    Ermittler:in            evidence        Beweismittel
//   acknowledge     den Eingang bestätigen  acknowledgement Eingangsbestätigung
//   recipient       Empfänger               organisation    Organisation
//   lock (encrypt)  verschlüsseln           decrypt         entschlüsseln
//   deployment      Installation            deployment key  Installationsschlüssel
//   case            Fall                    queue           Warteschlange
//   triage          Ersteinschätzung        label           Schlagwort
//   safety number   Sicherheitsnummer       vault           Tresor
//   authenticator   Authenticator-App       recovery key    Wiederherstellungsschlüssel
//   audit log       Prüfprotokoll           purge           endgültig löschen
//   desk            Fallbearbeitung (the investigators' side)
import type { Locale } from './locale';

export default {
  meta: { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete' },
  messages: {
    'app.name': 'Integrity Desk',
    'noscript.safe':
      'JavaScript ist in diesem Browser ausgeschaltet (zum Beispiel Tor Browser auf „Am sichersten“), deshalb können diese Seiten Ihre Meldung hier nicht verschlüsseln.',
    'noscript.link': 'Ohne JavaScript melden oder zurückkehren',
    'noscript.promise':
      'Auf jenen Seiten sieht der Server, was Sie schreiben, während er es verschlüsselt. Schalten Sie JavaScript ein (Sicherheitsstufe „Sicherer“) für den stärkeren Schutz.',
    'app.skip': 'Zum Hauptinhalt springen',
    'app.demo': 'Demonstrationsinstallation: Senden Sie hier keine echten Meldungen.',
    'app.unpinned':
      'Diese Kopie der Website hat den Schlüssel der Installation nicht fest eingebaut. Sie kann daher die Schlüssel der echten Empfänger nicht von Schlüsseln unterscheiden, die der Server unterschiebt. Senden Sie keine Meldung, bevor die Administration die Einrichtung abgeschlossen hat.',
    'app.loading': 'Wird geladen…',
    'app.error': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    'app.offline':
      'Der Server war nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    'app.back': 'Zurück',
    'app.next': 'Weiter',
    'app.cancel': 'Abbrechen',
    'app.required': 'Pflichtfeld',
    'app.optional': 'freiwillig',
    'app.sessionLost':
      'Diese Seite hält Ihre Meldung nur im Arbeitsspeicher. Sie wurde neu geladen oder direkt geöffnet; bitte beginnen Sie erneut.',

    'nav.home': 'Startseite',
    'nav.report': 'Meldung machen',
    'nav.return': 'Ich habe eine Quittung',
    'nav.main': 'Hauptnavigation',

    'landing.title': 'Missstände sicher melden',
    'landing.lead':
      'Mit Integrity Desk können Sie vertrauenswürdigen Organisationen von Korruption, Betrug oder Machtmissbrauch berichten, ohne irgendjemandem zu sagen, wer Sie sind.',
    'landing.who.title': 'Wer Ihre Meldung erhält',
    'landing.who.body':
      'Sie wählen eine empfangende Organisation, etwa eine zivilgesellschaftliche Gruppe, eine Gewerkschaft, eine Redaktion oder eine Aufsichtsstelle. Nur deren Ermittler:innen können lesen, was Sie schreiben. Die Betreiber dieser Website können es nicht.',
    'landing.safety.title': 'Bevor Sie beginnen: Schützen Sie sich',
    'landing.safety.tor':
      'Nutzen Sie den Tor Browser, wenn Sie können. Er verbirgt, von wo aus Sie sich verbinden. Sie können ihn von torproject.org herunterladen.',
    'landing.safety.device':
      'Nutzen Sie ein Telefon oder einen Computer, der nicht Ihrem Arbeitgeber gehört und nicht von ihm verwaltet wird, in einem Netz, das er nicht kontrolliert: nicht das Büro-WLAN, nicht den Dienstlaptop.',
    'landing.safety.work':
      'Melden Sie nicht von der Arbeit aus, und erzählen Sie Kolleg:innen nicht, dass Sie eine Meldung machen.',
    'landing.safety.details':
      'Überlegen Sie, was Sie schreiben: Einzelheiten, die nur wenige Menschen kennen, können auf Sie hinweisen. Lassen Sie sie weg, wenn sie nicht nötig sind.',
    'landing.safety.files':
      'Dateien können versteckte Informationen enthalten, etwa den Namen der Verfasserin oder des Verfassers oder den Ort, an dem ein Foto aufgenommen wurde. Fotos werden vor dem Senden in Ihrem Browser bereinigt, andere Dokumente nicht.',
    'landing.how.title': 'Wie Ihre Anonymität geschützt wird',
    'landing.how.body1':
      'Ihre Meldung wird in diesem Browser verschlüsselt, bevor sie Ihr Gerät verlässt. Der Server speichert nur die verschlüsselte Fassung und zeichnet Ihre Internetadresse nicht auf.',
    'landing.how.body2':
      'Am Ende erhalten Sie einen Quittungscode. Er ist der einzige Schlüssel zu Ihrer Meldung: Damit können Sie zurückkommen, Fragen der Ermittler:innen lesen und beantworten. Niemand kann eine verlorene Quittung wiederherstellen, auch wir nicht.',
    'landing.limits.title': 'Wovor dies Sie nicht schützen kann',
    'landing.limits.body':
      'Keine Website kann Sie verbergen, wenn Ihr Gerät überwacht wird, wenn jemand Ihren Bildschirm sieht oder wenn das, was Sie schreiben, Sie erkennbar macht. Ihr Internetanbieter oder Arbeitgeber kann sehen, dass Sie diese Website besucht haben, außer Sie nutzen den Tor Browser.',
    'landing.start': 'Meldung machen',
    'landing.return': 'Meldung mit Ihrer Quittung ansehen',

    'channel.title': 'Wählen Sie, wer Ihre Meldung erhalten soll',
    'channel.lead':
      'Wählen Sie die Organisation, der Sie zutrauen, der Sache nachzugehen. Nur sie kann die Meldung lesen.',
    'channel.none': 'Derzeit nimmt keine Organisation Meldungen an.',
    'channel.choose': '{name} wählen',

    'questions.title': 'Erzählen Sie uns, was passiert ist',
    'questions.step': 'Frage {n} von {total}',
    'questions.missing': 'Bitte beantworten Sie diese Frage: Sie ist ein Pflichtfeld.',
    'questions.yes': 'Ja',
    'questions.no': 'Nein',
    'questions.memory':
      'Ihre Antworten bleiben nur in diesem Browser-Tab, bis Sie absenden. Wenn Sie den Tab schließen, werden sie gelöscht.',

    'evidence.title': 'Beweismittel hinzufügen (freiwillig)',
    'evidence.lead':
      'Sie können Fotos und Dokumente anhängen. Fotos werden hier, in Ihrem Browser, vor dem Senden bereinigt.',
    'evidence.add': 'Dateien auswählen',
    'evidence.none': 'Keine Dateien hinzugefügt.',
    'evidence.remove': '{name} entfernen',
    'evidence.cleaned': 'Bereinigt: {removed}',
    'evidence.cleanedNothing': 'Neu kodiert; keine versteckten Informationen gefunden.',
    'evidence.cleanFailed':
      'Dieses Bild konnte nicht bereinigt werden und wurde deshalb nicht hinzugefügt.',
    'evidence.warnDocument':
      'Warnung: {name} ist ein Dokument, das den Namen der Verfasserin oder des Verfassers, die Organisation, den Computer, auf dem es erstellt wurde, oder frühere Fassungen des Textes enthalten kann. Es wird nicht bereinigt. Fahren Sie nur fort, wenn das für Sie sicher ist.',
    'evidence.keepDocument': 'Trotzdem anhängen',
    'evidence.dropDocument': 'Nicht anhängen',
    'evidence.removed.exif': 'Kamera- und Bearbeitungsdaten (EXIF)',
    'evidence.removed.gps': 'Standort (GPS)',
    'evidence.removed.xmp': 'XMP-Metadaten',
    'evidence.removed.iptc': 'IPTC-Metadaten',
    'evidence.removed.comment': 'Kommentare',
    'evidence.removed.icc': 'Farbprofil',
    'evidence.removed.text': 'Textblöcke',
    'evidence.size': '{size}',

    'review.title': 'Meldung prüfen',
    'review.lead': 'Dies wird verschlüsselt und an {name} gesendet.',
    'review.channel': 'Empfänger',
    'review.answers': 'Ihre Antworten',
    'review.files': 'Dateien',
    'review.empty': '(nicht beantwortet)',
    'review.submit': 'Verschlüsseln und senden',
    'review.edit': 'Antworten ändern',

    'submit.title': 'Ihre Meldung wird gesendet',
    'submit.work':
      'Nachweis, dass dies kein automatisierter Angriff ist (das kann eine Minute dauern)',
    'submit.workLeftSeconds': 'Noch etwa {seconds} s auf diesem Gerät',
    'submit.workLeftMinutes': 'Noch etwa {minutes} min auf diesem Gerät',
    'submit.workSoon': 'Gleich geschafft',
    'submit.keys': 'Ihre Quittung wird erstellt',
    'submit.encrypt': 'Ihre Meldung wird verschlüsselt',
    'submit.upload': 'Wird gesendet',
    'submit.done': 'Gesendet',
    'submit.retrying':
      'Die Verbindung ist abgebrochen. Gleich wird es erneut versucht; was schon gesendet wurde, bleibt erhalten.',
    'submit.failed': 'Das Senden ist fehlgeschlagen. Ihre Meldung ist noch in diesem Tab.',
    'submit.recipientsChanged':
      'Die Organisation hat während des Schreibens geändert, wer ihre Meldungen erhält. Ihre Meldung wird für die aktuellen Empfänger neu verschlüsselt.',
    'submit.recipientsFailed':
      'Die Organisation hat geändert, wer ihre Meldungen erhält, und die neue Liste konnte nicht geprüft werden. Es wurde nichts gesendet. Versuchen Sie es in einigen Minuten erneut; Ihre Meldung bleibt in diesem Tab, bis Sie ihn schließen.',
    'submit.retry': 'Erneut versuchen',
    'submit.progress': '{label}: {percent} %',

    'receipt.title': 'Ihre Quittung',
    'receipt.lead':
      'Schreiben Sie diese Quittung auf und bewahren Sie sie an einem sicheren, privaten Ort auf. Sie ist der einzige Weg zurück zu Ihrer Meldung. Sie wird nicht noch einmal angezeigt, und niemand kann sie wiederherstellen.',
    'receipt.copy': 'Kopieren',
    'receipt.copied': 'Kopiert. Leeren Sie die Zwischenablage, nachdem Sie sie gespeichert haben.',
    'receipt.confirm':
      'Geben Sie die Quittung hier ein, um zu prüfen, dass Sie sie richtig notiert haben',
    'receipt.mismatch':
      'Das stimmt nicht überein. Prüfen Sie Ihre Notiz und versuchen Sie es erneut.',
    'receipt.confirmed': 'Richtig. Sie können diese Seite jetzt verlassen.',
    'receipt.check': 'Prüfen',
    'receipt.finish': 'Fertig',
    'receipt.hearBack': 'Die Organisation sollte den Eingang Ihrer Meldung bis {date} bestätigen.',

    'return.title': 'Meldung ansehen',
    'return.lead': 'Geben Sie die Quittung ein, die Sie beim Senden Ihrer Meldung erhalten haben.',
    'return.label': 'Quittung',
    'return.open': 'Meine Meldung öffnen',
    'return.deriving': 'Wird mit Ihrer Quittung entsperrt…',
    'return.derivingOld':
      'Diese Quittung stammt aus der Zeit vor einer Änderung am Entsperren. Das Entsperren dauert länger: Sekunden auf einem Computer, bis zu ein oder zwei Minuten auf einem langsamen Telefon oder im Tor Browser.',
    'progress.elapsed': 'In Arbeit: bisher {seconds} s.',
    'progress.secondsLeft': 'Noch etwa {left} s (bisher {seconds} s).',
    'progress.minutesLeft': 'Noch etwa {minutes} Minuten (bisher {seconds} s).',
    'return.invalid': 'Diese Quittung ist ungültig. Prüfen Sie jede Zeichengruppe.',
    'return.unknown': 'Zu dieser Quittung gibt es keine Meldung.',
    'returnRefused.title': 'Halt: Senden Sie nichts mehr über diese Website',
    'returnRefused.lead':
      'Ihr Browser hat die Antwort des Servers mit Ihrer Quittung abgeglichen, und sie passt nicht zu der Meldung, die Sie gesendet haben. Jemand hat diese Website möglicherweise manipuliert. Deshalb wurde nichts weiter gesendet, und Ihre Meldung wird nicht angezeigt.',
    'returnRefused.noMore':
      'Senden Sie keine Antworten, Dateien oder sonst etwas über diese Website, bis die Organisation, die sie betreibt, Ihnen auf einem anderen Weg, dem Sie vertrauen, sagt, dass es wieder sicher ist.',
    'returnRefused.keepReceipt':
      'Bewahren Sie Ihre Quittung sicher und geheim auf: Sie ist weiterhin der einzige Weg zurück zu Ihrer Meldung, und niemand kann sie zurücksetzen.',
    'returnRefused.close':
      'Sie können diesen Tab jetzt schließen. Nichts von Ihrer Quittung wird darin aufbewahrt.',

    'case.title': 'Ihre Meldung',
    'case.outcome': 'Ergebnis',
    'case.status': 'Stand',
    'case.submitted': 'Gesendet am {date}',
    'case.ackBy': 'Sie sollten bis {date} eine Eingangsbestätigung erhalten.',
    'case.feedbackBy': 'Bis {date} erfahren Sie, was unternommen wird.',
    'case.timeline': 'Bisheriger Verlauf',
    'case.timelineEntry': '{date}: {what}',
    'case.messages': 'Nachrichten',
    'case.noMessages': 'Noch keine Nachrichten.',
    'case.fromYou': 'Sie',
    'case.fromDesk': 'Ermittler:in',
    'case.reply': 'Ihre Antwort',
    'case.send': 'Antwort senden',
    'case.sent': 'Antwort gesendet.',
    'case.addEvidence': 'Weitere Beweismittel hinzufügen',
    'case.uploadEvidence': 'Dateien senden',
    'case.evidenceSent': 'Dateien gesendet.',
    'case.logout': 'Abmelden',
    'case.refresh': 'Auf Neuigkeiten prüfen',
    'case.loggedOut': 'Sie haben sich abgemeldet. Schließen Sie diesen Tab, wenn Sie fertig sind.',
    'case.unverified': 'Nicht verifizierte Nachricht, nicht angezeigt',
    'case.unverifiedDetail':
      'Diese Nachricht hat ihre Integritätsprüfung nicht bestanden. Deshalb werden weder ihr Text noch ihr Absender angezeigt. Jemand, der den Server kontrolliert, könnte sie gefälscht, verändert oder wiederholt haben. Die anderen Nachrichten sind verifiziert.',
    'case.missingBefore':
      '{count, plural, one {# frühere Nachricht dieses Absenders fehlt} other {# frühere Nachrichten dieses Absenders fehlen}} hier: Der Server hat sie nicht herausgegeben.',

    'status.submitted': 'Eingegangen',
    'status.acknowledged': 'Eingang bestätigt',
    'status.in_review': 'Wird geprüft',
    'status.investigating': 'Wird untersucht',
    'status.closed': 'Abgeschlossen',
    'status.purged': 'Gelöscht',

    'outcome.substantiated': 'Die Meldung hat sich als zutreffend erwiesen',
    'outcome.unsubstantiated': 'Die Meldung konnte nicht bestätigt werden',
    'outcome.no_action_possible': 'Es waren keine Maßnahmen möglich',
    'outcome.referred_elsewhere': 'An eine andere Stelle weitergeleitet',
    'nav.statistics': 'Statistik',
    'sector.procurement': 'Öffentliche Beschaffung',
    'sector.police': 'Polizei',
    'sector.health': 'Gesundheit',
    'sector.mining': 'Bergbau',
    'sector.fisheries': 'Fischerei',
    'sector.land': 'Land',
    'sector.other': 'Sonstiges',
    'sector.unspecified': 'Sektor nicht gesetzt',
    'statistics.title': 'Veröffentlichte Statistik',
    'statistics.lead':
      'Was die Organisationen dieses Bündnisses pro Quartal erhalten und wie sie geantwortet haben. Veröffentlicht werden nur abgeschlossene Quartale, und kleine Zahlen werden verborgen, damit niemand herausgegriffen werden kann.',
    'statistics.none': 'Bisher wurde nichts veröffentlicht.',
    'statistics.published': 'Veröffentlicht am {date}.',
    'statistics.quarter': 'Quartal',
    'statistics.channel': 'Organisation',
    'statistics.sector': 'Sektor',
    'statistics.allChannels': 'Alle Organisationen',
    'statistics.allSectors': 'Alle Sektoren',
    'statistics.hidden': 'verborgen*',
    'statistics.hiddenNote':
      '* Weniger als {threshold}, oder verborgen, damit sich eine Zahl unter {threshold} nicht aus den anderen errechnen lässt.',
    'statistics.measure.received': 'Eingegangene Meldungen',
    'statistics.measure.acknowledgedInTime': 'Rechtzeitig bestätigt',
    'statistics.measure.feedbackInTime': 'Rechtzeitig Rückmeldung gegeben',
    'desk.statistics.nav': 'Statistik',
    'desk.statistics.lead':
      'Aktuelle Zahlen für die Kanäle, die Sie empfangen. Sie verlassen den Arbeitsbereich nie: Öffentlich ist nur ein Stand, den eine Administratorin oder ein Administrator veröffentlicht.',
    'desk.statistics.share': '{done} von {due} ({percent})',
    'desk.statistics.noneDue': 'noch nichts fällig',
    'desk.statistics.medianAck': 'Mittlere Zeit bis zur Bestätigung',
    'desk.statistics.medianFeedback': 'Mittlere Zeit bis zur Rückmeldung',
    'desk.statistics.days': '{count, plural, one {# Tag} other {# Tage}}',
    'desk.statistics.noValue': '–',
    'desk.statistics.ackOverdue': 'Bestätigungen jetzt überfällig',
    'desk.statistics.feedbackOverdue': 'Rückmeldungen jetzt überfällig',
    'desk.statistics.byQuarter': 'Nach Eingangsquartal',
    'desk.statistics.byChannel': 'Nach Kanal',
    'desk.statistics.chart': 'Eingegangene Meldungen pro Quartal',
    'desk.statistics.publish.title': 'Statistik veröffentlichen',
    'desk.statistics.publish.lead':
      'Die Veröffentlichung stellt einen Stand auf die öffentliche Meldeseite: nur abgeschlossene Quartale, jede Zahl unter dem Schwellenwert verborgen und ebenso die Zahlen, aus denen sich eine solche errechnen ließe. Sehen Sie sich zuerst die Vorschau an: Ein veröffentlichter Stand lässt sich nicht zurücknehmen.',
    'desk.statistics.publish.threshold': 'Zahlen verbergen unter',
    'desk.statistics.publish.preview': 'Vorschau',
    'desk.statistics.publish.confirm': 'Diesen Stand veröffentlichen',
    'desk.statistics.publish.done': 'Veröffentlicht am {date}.',
    'desk.statistics.publish.empty':
      'Seit der ersten Meldung ist noch kein Quartal abgeschlossen: Es gibt noch nichts zu veröffentlichen.',
    'desk.notify.title': 'E-Mail-Benachrichtigungen',
    'desk.notify.lead':
      'Der Arbeitsbereich kann Ihnen per E-Mail mitteilen, dass Arbeit ansteht: eine neue Meldung in Ihren Kanälen, eine Antwort einer hinweisgebenden Person, eine nahende oder versäumte Frist. Die Nachricht sagt nie, was, wo oder wann genau. Lassen Sie die Adresse leer, wenn Sie keine E-Mail möchten.',
    'desk.notify.failed':
      'Speichern nicht möglich: Prüfen Sie Adresse und Schlüssel und versuchen Sie es erneut.',
    'desk.notify.email': 'E-Mail-Adresse',
    'desk.notify.mode': 'Wie oft',
    'desk.notify.mode.default': 'Die Voreinstellung ({mode})',
    'desk.notify.mode.immediate': 'Sofort, wenn Arbeit ansteht',
    'desk.notify.mode.digest': 'Eine Nachricht am Tag, nur wenn Arbeit ansteht',
    'desk.notify.mode.daily':
      'Jeden Tag eine Nachricht, ob Arbeit ansteht oder nicht (verbirgt, wann Meldungen eingehen)',
    'desk.notify.pgp':
      'Öffentlicher OpenPGP-Schlüssel (optional: Nachrichten werden dann damit verschlüsselt)',
    'desk.notify.save': 'Benachrichtigungen speichern',
    'desk.notify.saved': 'Gespeichert.',
    'desk.notify.defaultMode': 'Voreinstellung für alle, die nichts gewählt haben',
    'desk.notify.saveDefault': 'Voreinstellung speichern',

    'timeline.ReportSubmitted': 'Meldung gesendet',
    'timeline.ReportAcknowledged': 'Eingang der Meldung bestätigt',
    'timeline.ReportTriaged': 'Meldung eingeschätzt',
    'timeline.ReportAssigned': 'Ermittler:in zugewiesen',
    'timeline.ReportStatusChanged': 'Stand geändert',
    'timeline.MessagePosted': 'Nachricht',
    'timeline.EvidenceAdded': 'Beweismittel hinzugefügt',
    'timeline.ReportReferred': 'Weitergeleitet',
    'timeline.ReportClosed': 'Fall abgeschlossen',
    'timeline.ReferralProposed': 'Weiterleitung an eine andere Organisation vorgeschlagen',
    'timeline.ReferralAccepted': 'Meldung an eine andere Organisation weitergegeben',
    'timeline.ReferralDeclined': 'Weiterleitung abgelehnt',
    'timeline.ReferralWithdrawn': 'Weiterleitung zurückgezogen',
    'case.referral.title': 'Eine andere Organisation',
    'case.referral.unknownOrganisation': 'eine hier nicht aufgeführte Organisation',
    'case.referral.proposed':
      'Am {date} haben die Ermittelnden vorgeschlagen, Ihre Meldung an {organisation} weiterzugeben. Ohne Ihre Zustimmung wird nichts geteilt.',
    'case.referral.accepted':
      'Ihre Meldung wurde mit Ihrer Zustimmung an {organisation} weitergegeben.',
    'case.referral.informed':
      'Ihre Meldung wurde an {organisation} weitergegeben: Die Organisation, an die Sie gemeldet haben, muss sie von Gesetzes wegen weiterleiten.',
    'case.referral.declined':
      'Sie haben abgelehnt, Ihre Meldung an {organisation} weiterzugeben. Es wurde nichts geteilt.',
    'case.referral.reason': 'Ihre Begründung:',
    'case.referral.unverified':
      'Dieser Vorschlag konnte nicht überprüft werden; seine Begründung wird nicht gezeigt, und er kann hier nicht beantwortet werden.',
    'case.referral.choice':
      'Wenn Sie zustimmen, kann {organisation} Ihre Meldung und Ihre Nachrichten lesen und mit eigenen Fristen bearbeiten.',
    'case.referral.accept': 'Zustimmen: weitergeben',
    'case.referral.decline': 'Ablehnen: hier behalten',
    'desk.admin.referralMode': 'Weiterleitung an ein anderes Mitglied aus',
    'desk.admin.referralConsent': 'Die hinweisgebende Person entscheidet',
    'desk.admin.referralInform': 'Nur informieren: gesetzliche Pflicht zur Weiterleitung',
    'desk.admin.referralModeSave': 'Weiterleitungseinstellung speichern',
    'desk.admin.referralModeNoList':
      'Veröffentlichen Sie zuerst die Empfänger des Kanals: die Weiterleitungseinstellung wird in ihre Liste signiert.',
    'desk.referral.title': 'Weiterleitung an ein anderes Mitglied',
    'desk.referral.line':
      '{channel}: {status, select, proposed {wartet auf die hinweisgebende Person} accepted {weitergeleitet} declined {von der hinweisgebenden Person abgelehnt} withdrawn {zurückgezogen} other {unbekannt}} (vorgeschlagen am {date})',
    'desk.referral.withdraw': 'Zurückziehen',
    'desk.referral.target': 'Weiterleiten an',
    'desk.referral.reason':
      'Begründung (die hinweisgebende Person liest sie; sie wird in Ihrem Browser verschlüsselt)',
    'desk.referral.handOver':
      'Fall übergeben: Ihr Kanal verliert den Zugriff, sobald die Weiterleitung wirksam wird',
    'desk.referral.consentNote':
      'Die hinweisgebende Person entscheidet: Ohne ihre Zustimmung wird nichts mit dem anderen Mitglied geteilt.',
    'desk.referral.informNote':
      'Ihr Kanal leitet aufgrund einer gesetzlichen Pflicht weiter: Die hinweisgebende Person wird informiert, nicht gefragt.',
    'desk.referral.propose': 'Weiterleitung vorschlagen',
    'desk.referral.forward': 'Meldung weiterleiten',
    'desk.referral.done':
      'Weiterleitung gesendet. Erst eine angenommene Weiterleitung gibt dem anderen Mitglied den Schlüssel.',
    'desk.referral.refused':
      'Die Empfängerliste des anderen Mitglieds konnte nicht überprüft werden; es wurde nichts gesendet. Informieren Sie Ihre Administration.',
    'desk.referral.referredIn':
      'Weitergeleitet von {channel}. Bestätigen bis {ack}; Rückmeldung bis {feedback}.',
    'desk.referral.incomingTitle': 'An Ihre Kanäle weitergeleitet',
    'desk.referral.incomingLine': 'weitergeleitet von {channel}; bestätigen bis {ack}',
    'desk.step.ReferralProposed': 'Weiterleitung an {detail} vorgeschlagen',
    'desk.step.ReferralAccepted':
      'Weiterleitung an {detail} von der hinweisgebenden Person angenommen',
    'desk.step.ReferralForwarded': 'An {detail} weitergeleitet (nur Information)',
    'desk.step.ReferralDeclined': 'Weiterleitung von der hinweisgebenden Person abgelehnt',
    'desk.step.ReferralWithdrawn': 'Weiterleitung zurückgezogen',
    'timeline.ReferralAcknowledged': 'Die andere Organisation hat Ihre Meldung erhalten',
    'case.referral.received': '{organisation} hat Ihre Meldung erhalten ({date}).',
    'desk.step.ReferralAcknowledged': 'Weiterleitung vom empfangenden Mitglied bestätigt',
    'desk.referral.acknowledge': 'Weiterleitung bestätigen',
    'desk.referral.acknowledged': 'Bestätigt am {date}.',
    'desk.referral.incomingAcknowledged': 'weitergeleitet von {channel}; bestätigt am {date}',
    'timeline.other': 'Aktualisierung',
    'timeline.withDetail': '{what}: {detail}',

    'desk.nav': 'Fallbearbeitung',
    'desk.queues': 'Warteschlangen',
    'desk.admin': 'Verwaltung',
    'desk.logout': 'Abmelden',
    'desk.setup.title': 'Diese Installation einrichten',
    'desk.setup.lead':
      'Dies ist der erste Start. Legen Sie das erste Administrationskonto an. Seine Schlüssel werden in diesem Browser erzeugt; sein Signaturschlüssel wird zum Installationsschlüssel, der jede Empfängerliste signiert.',
    'desk.setup.token': 'Einrichtungstoken (vom Server beim ersten Start ausgegeben)',
    'desk.setup.submit': 'Einrichten',
    'desk.enrol.title': 'Als Ermittler:in registrieren',
    'desk.enrol.invite': 'Einladung (von Ihrer Administration)',
    'desk.enrol.email': 'Benutzername',
    'desk.enrol.password': 'Passwort (mindestens 12 Zeichen)',
    'desk.enrol.passwordShort': 'Verwenden Sie mindestens 12 Zeichen.',
    'desk.enrol.submit': 'Meine Schlüssel erzeugen',
    'desk.enrol.totp':
      'Scannen Sie diesen Code mit einer Authenticator-App und geben Sie dann den sechsstelligen Code ein, den sie anzeigt.',
    'desk.enrol.totpSecret': 'Oder geben Sie dieses Geheimnis ein: {secret}',
    'desk.enrol.qrAlt': 'QR-Code für Ihre Authenticator-App',
    'desk.enrol.code': 'Sechsstelliger Code',
    'desk.enrol.confirm': 'Bestätigen',
    'desk.enrol.recovery':
      'Ihr Wiederherstellungsschlüssel. Drucken Sie ihn aus oder schreiben Sie ihn auf und bewahren Sie ihn offline auf. Er wird nur einmal angezeigt; er entsperrt Ihre Schlüssel, wenn Sie Ihr Passwort vergessen.',
    'desk.enrol.done': 'Registrierung abgeschlossen. Sie können sich jetzt anmelden.',
    'desk.login.title': 'Anmeldung für Ermittler:innen',
    'desk.login.user': 'Benutzername',
    'desk.login.password': 'Passwort',
    'desk.login.totp': 'Authenticator-Code',
    'desk.login.submit': 'Anmelden',
    'desk.login.failed':
      'Anmeldung fehlgeschlagen. Prüfen Sie Ihre Angaben und versuchen Sie es erneut.',
    'desk.login.busy':
      'Gerade werden zu viele Anmeldungen geprüft. Bitte versuchen Sie es gleich noch einmal.',
    'desk.password.nav': 'Passwort',
    'desk.account.nav': 'Konto',
    'desk.account.title': 'Ihr Konto',
    'desk.account.safetyNumber': 'Ihre Sicherheitsnummer',
    'desk.account.safetyLead':
      'Diese Nummer wird in diesem Browser aus den Schlüsseln in Ihrem Tresor berechnet. Sie ändert sich, wenn irgendjemand, auch der Server, andere Schlüssel an Ihre Stelle setzt.',
    'desk.account.safetyHow':
      'Bevor Sie einem Kanal hinzugefügt werden, muss die Administration diese Nummer telefonisch oder persönlich mit Ihnen vergleichen: Lesen Sie sie Gruppe für Gruppe vor. Vergleichen Sie sie nie per E-Mail oder über die Fallbearbeitung.',
    'desk.keyAlarm.title': 'Warnung: Ihre Schlüssel wurden in einer Empfängerliste ersetzt',
    'desk.keyAlarm.lead':
      'Dieser Browser hat die signierten Empfängerlisten der Fallbearbeitung mit den Schlüsseln in Ihrem Tresor abgeglichen und ein Problem gefunden. Meldungen an diese Kanäle könnten von jemand anderem gelesen werden.',
    'desk.keyAlarm.keys-differ':
      'Kanal {channel}, Listenversion {version}: Sie werden dort mit Schlüsseln geführt, die nicht Ihre sind.',
    'desk.keyAlarm.signature-invalid':
      'Kanal {channel}, Listenversion {version}: Die Signatur lässt sich mit dem Installationsschlüssel nicht verifizieren.',
    'desk.keyAlarm.todo':
      'Der Alarm ist im Prüfprotokoll vermerkt. Informieren Sie die Administration telefonisch oder persönlich, nicht über die Fallbearbeitung, und öffnen oder teilen Sie keine Meldungen, bis der Vorfall geklärt ist.',
    'desk.password.title': 'Passwort ändern',
    'desk.password.lead':
      'Ihre Schlüssel bleiben dieselben: Ihr Browser legt sie in einen neuen Tresor unter dem neuen Passwort. Sie erhalten einen neuen Wiederherstellungsschlüssel; der alte gilt für den neuen Tresor nicht mehr.',
    'desk.password.current': 'Aktuelles Passwort',
    'desk.password.new': 'Neues Passwort (mindestens 12 Zeichen)',
    'desk.password.repeat': 'Neues Passwort wiederholen',
    'desk.password.submit': 'Passwort ändern',
    'desk.password.done': 'Passwort geändert. Ihre anderen Sitzungen wurden abgemeldet.',
    'desk.password.recovery':
      'Ihr neuer Wiederherstellungsschlüssel. Drucken Sie ihn aus oder schreiben Sie ihn auf und bewahren Sie ihn sicher auf; er wird nur jetzt angezeigt:',
    'desk.password.problem.short': 'Verwenden Sie mindestens 12 Zeichen.',
    'desk.password.problem.mismatch': 'Die beiden neuen Passwörter stimmen nicht überein.',
    'desk.password.problem.current': 'Das aktuelle Passwort ist nicht korrekt.',
    'desk.password.problem.throttled':
      'Zu viele Versuche. Bitte warten Sie und versuchen Sie es erneut.',
    'desk.password.problem.failed':
      'Das Passwort konnte nicht geändert werden. Bitte versuchen Sie es erneut.',
    'desk.totpReset.title': 'Neue Authenticator-App einrichten',
    'desk.totpReset.lead':
      'Ihre Administration hat Ihre Authenticator-App zurückgesetzt. Geben Sie den Rücksetzcode, den Sie erhalten haben, Ihren Benutzernamen und Ihr Passwort ein.',
    'desk.totpReset.code': 'Rücksetzcode (von Ihrer Administration)',
    'desk.totpReset.submit': 'Weiter',
    'desk.totpReset.done':
      'Ihre neue Authenticator-App ist eingerichtet. Sie können sich jetzt anmelden.',
    'desk.totpReset.problem.refused': 'Der Rücksetzcode oder das Passwort ist nicht korrekt.',
    'desk.totpReset.problem.throttled':
      'Zu viele Versuche. Bitte warten Sie und versuchen Sie es erneut.',
    'desk.totpReset.problem.failed': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    'desk.unlock.title': 'Schlüssel entsperren',
    'desk.unlock.lead':
      'Ihre privaten Schlüssel sind mit Ihrem Passwort gesperrt. Sie werden nur in diesem Browser entsperrt.',
    'desk.unlock.submit': 'Entsperren',
    'desk.unlock.working':
      'Ihre Schlüssel werden mit Ihrem Passwort entsperrt (Argon2id). In den meisten Browsern dauert das unter einer Sekunde, ohne WebAssembly (Tor Browser „Sicherer“) kann es mehrere Minuten dauern.',
    'desk.unlock.failed': 'Falsches Passwort.',
    'desk.cases.nav': 'Fallliste',
    'desk.cases.title': 'Fallliste',
    'desk.cases.live': 'Live: Neue Meldungen und Antworten erscheinen hier ohne Neuladen.',
    'desk.cases.offline': 'Keine Live-Aktualisierung; die Liste wird beim Filtern neu geladen.',
    'desk.cases.views': 'Gespeicherte Ansichten',
    'desk.cases.all': 'Alle Fälle',
    'desk.cases.search': 'Suche (unverschlüsselte Felder und Schlagwörter)',
    'desk.cases.any': 'Beliebig',
    'desk.cases.none': 'Nicht gesetzt',
    'desk.cases.sector': 'Bereich',
    'desk.cases.region': 'Region',
    'desk.cases.label': 'Schlagwort',
    'desk.cases.labels': 'Schlagwörter',
    'desk.cases.assignee': 'Zuständig',
    'desk.cases.assignees': 'Zuständige',
    'desk.cases.me': 'Ich',
    'desk.cases.unassigned': 'Nicht zugewiesen',
    'desk.cases.sort': 'Sortieren nach',
    'desk.cases.sortDefault': 'Reihenfolge der Ansicht',
    'desk.cases.direction': 'Reihenfolge',
    'desk.cases.asc': 'Aufsteigend',
    'desk.cases.desc': 'Absteigend',
    'desk.cases.apply': 'Filtern',
    'desk.cases.export.start': 'Als CSV exportieren',
    'desk.cases.export.explain':
      '„Als CSV exportieren“ speichert jeden Fall dieses Filters (alle Seiten, nicht nur diese) mit seinen unverschlüsselten Feldern, erstellt in diesem Browser. Der Export wird im Prüfprotokoll festgehalten. Die Datei ist eine Kopie außerhalb der Fallbearbeitung: Bewahren Sie sie so sicher auf wie die Fälle.',
    'desk.cases.export.progress': 'Fälle werden gelesen: {done} von {total}',
    'desk.cases.export.ready': 'CSV bereit:',
    'desk.cases.export.failed':
      'Die Fallliste konnte nicht exportiert werden (eine Seite konnte nicht gelesen oder der Export nicht festgehalten werden). Nichts wurde gespeichert.',
    'desk.cases.total': '{count, plural, one {# Fall} other {# Fälle}}',
    'desk.work.label': 'Wartende Arbeit',
    'desk.work.none': 'Nichts wartet',
    'desk.work.newReports': '{count, plural, one {# neue Meldung} other {# neue Meldungen}}',
    'desk.work.replies':
      '{count, plural, one {# ungelesene Antwort} other {# ungelesene Antworten}}',
    'desk.work.due': '{count, plural, one {# Frist naht} other {# Fristen nahen}}',
    'desk.work.overdue': '{count, plural, one {# überfällig} other {# überfällig}}',
    'desk.reminder.due': 'Frist naht: Erinnerung gesendet',
    'desk.reminder.overdue': 'Überfällig: Administrator:innen informiert',
    'desk.reminder.referralFeedbackDue':
      'Rückmeldung zur Weiterleitung fällig: Erinnerung gesendet',
    'desk.reminder.referralFeedbackOverdue':
      'Rückmeldung zur Weiterleitung überfällig: Administratoren informiert',
    'desk.reminder.referralDue': 'Weiterleitung zu bestätigen: Erinnerung gesendet',
    'desk.reminder.referralOverdue':
      'Bestätigung der Weiterleitung überfällig: Administrator:innen informiert',
    'desk.cases.reminder': 'Erinnerung',
    'desk.cases.awaiting': 'Zuletzt geschrieben von',
    'desk.cases.awaiting.investigator': 'der hinweisgebenden Person',
    'desk.cases.awaiting.whistleblower': 'uns',
    'desk.cases.unread': 'Ungelesen',
    'desk.cases.unreadCount': '{count} neu',
    'desk.cases.referredBy': 'Weitergeleitet von {channel}',
    'desk.cases.previous': 'Vorherige Seite',
    'desk.cases.next': 'Nächste Seite',
    'desk.cases.col.received': 'Eingegangen',
    'desk.cases.col.nextDeadline': 'Nächste Frist',
    'desk.cases.col.priority': 'Priorität',
    'desk.cases.col.status': 'Stand',
    'desk.cases.col.sector': 'Bereich',
    'desk.cases.col.region': 'Region',
    'desk.cases.col.lastActivity': 'Letzte Aktivität',
    'desk.queue.title': 'Warteschlangen',
    'desk.queue.empty': 'Keine Fälle in dieser Warteschlange.',
    'desk.queue.refresh': 'Aktualisieren',
    'desk.queue.inbox': 'Eingang',
    'desk.queue.needs_triage': 'Ersteinschätzung nötig',
    'desk.queue.mine': 'Mir zugewiesen',
    'desk.queue.awaiting_whistleblower': 'Wartet auf die hinweisgebende Person',
    'desk.queue.feedback_due_soon': 'Rückmeldung bald fällig',
    'desk.queue.feedback_overdue': 'Rückmeldung überfällig',
    'desk.queue.closed': 'Abgeschlossen',
    'desk.queue.open': 'Warteschlange',
    'desk.queue.count': '{name} ({count})',
    'desk.queue.case': 'Fall {id}',
    'desk.queue.received': 'Eingegangen {date}',
    'desk.case.title': 'Fall {id}',
    'desk.case.answers': 'Antworten',
    'desk.case.fromWhistleblower': 'Hinweisgebende Person',
    'desk.case.evidence': 'Beweismittel',
    'desk.case.download': '{name} entschlüsseln und speichern',
    'desk.case.downloading': '{name} wird entschlüsselt: {percent} %',
    'desk.case.messages': 'Nachrichten mit der hinweisgebenden Person',
    'desk.case.notes': 'Interne Notizen',
    'desk.case.timeline': 'Fristen und Ersteinschätzung',
    'desk.case.ackDue': 'Eingang bestätigen bis {date}',
    'desk.case.feedbackDue': 'Rückmeldung fällig bis {date}',
    'desk.case.triaged': 'Priorität {priority}, Bereich {sector}',
    'desk.case.assignees': 'Zugewiesene Ermittler:innen: {count}',
    'desk.case.ack': 'Eingang bestätigen',
    'desk.case.ackTemplate':
      'Vielen Dank für Ihre Meldung. Wir haben sie erhalten und werden sie prüfen. Wenn wir Fragen haben, melden wir uns hier bei Ihnen.',
    'desk.case.triage': 'Ersteinschätzung',
    'desk.case.priority': 'Priorität',
    'desk.case.sector': 'Bereich',
    'desk.case.assign': 'Zuweisen',
    'desk.case.assignee': 'Ermittler:in',
    'desk.case.status': 'Stand ändern',
    'desk.case.message': 'Nachricht an die hinweisgebende Person',
    'desk.case.send': 'Senden',
    'desk.case.note': 'Interne Notiz (wird der hinweisgebenden Person nie angezeigt)',
    'desk.case.addNote': 'Notiz hinzufügen',
    'desk.case.close': 'Fall abschließen',
    'desk.case.outcome': 'Ergebnis (wird der hinweisgebenden Person angezeigt)',
    'desk.case.conflict':
      'Jemand anderes hat diesen Fall geändert, während Sie daran gearbeitet haben. Er wurde neu geladen: Prüfen Sie den aktuellen Stand und versuchen Sie es erneut.',
    'desk.case.done': 'Erledigt.',
    'desk.case.report': 'Die Meldung',
    'desk.case.work': 'Fall bearbeiten',
    'desk.case.history': 'Verlauf',
    'desk.case.noAnswers': 'Keine Antworten.',
    'questions.language': 'Sprache der Fragen',
    'desk.case.answeredIn': 'Beantwortet auf {language}.',
    'desk.case.askedAs': 'Die Frage, wie die hinweisgebende Person sie gelesen hat ({language}):',
    'desk.case.choseAs': 'Ihre Antwort, wie sie sie gelesen hat:',
    'desk.admin.questionnaireLanguage': 'Sprache dieser Fragen (ein Code wie en, af oder de)',
    'desk.admin.questionnaireAlso': 'Auch verfasst in (Codes durch Kommas getrennt, etwa af, de)',
    'desk.admin.questionnaireIn':
      'Fragen auf {language} ({code}): dieselben Fragen in derselben Reihenfolge, eine pro Zeile',
    'desk.admin.questionnaireHelp':
      'Eine Auswahl: nach der Frage „| Schlüssel=Wörter“ für jede Antwort, zum Beispiel „Dauert es noch an? | yes=Ja | no=Nein“. Jede Sprache verwendet dieselben Schlüssel.',
    'desk.admin.questionnaireUntranslated':
      'In einer Übersetzung lässt eine Zeile nur mit „-“ diese Frage in der Standardsprache.',
    'desk.admin.questionnaireMismatch':
      'Jede Sprache braucht dieselben Fragen, eine pro Zeile in derselben Reihenfolge, mit denselben Antwortschlüsseln.',
    'desk.case.questionId': 'Frage „{id}“ (nicht im Fragebogen des Kanals)',
    'desk.case.deadlines': 'Fristen',
    'desk.case.deadline.acknowledge': 'Eingangsbestätigung',
    'desk.case.deadline.feedback': 'Rückmeldung',
    'desk.case.deadline.referralAcknowledge': 'Weiterleitung bestätigen',
    'desk.case.deadline.referralFeedback': 'Rückmeldung zur Weiterleitung',
    'desk.case.deadline.met': '{what}: erledigt',
    'desk.case.deadline.left':
      '{what}: {days, plural, one {noch # Tag} other {noch # Tage}} ({date})',
    'desk.case.deadline.late':
      '{what}: {days, plural, one {# Tag überfällig} other {# Tage überfällig}} ({date})',
    'desk.case.deadline.today': '{what}: heute fällig ({date})',
    'desk.case.assigned': 'Zugewiesen',
    'desk.case.nobodyAssigned': 'Noch niemand',
    'desk.case.triageShown': 'Priorität, Bereich',
    'desk.case.notTriaged': 'Noch nicht eingeschätzt',
    'desk.case.evidenceSealed':
      'Versiegelte Datei, bis zu {size}; Name und Typ erscheinen nach dem Entschlüsseln',
    'desk.case.evidenceOpened': '{type}, {size}',
    'desk.case.decrypt': '{name} entschlüsseln',
    'desk.case.save': 'Speichern',
    'desk.case.previewOf': 'Vorschau von {name}',
    'desk.case.openPdf': 'In neuem Tab öffnen:',
    'desk.case.noPreview':
      'Keine Vorschau für diesen Typ: Speichern Sie die Datei und öffnen Sie sie auf einem dafür vorgesehenen Rechner.',
    'desk.case.noEvidence': 'Keine Beweismitteldateien.',
    'desk.case.unknownType': 'unbekannter Typ',
    'desk.case.by': '{what} · {who}',
    'desk.case.stepAt': '{date}',
    'desk.case.byWhistleblower': 'die hinweisgebende Person',
    'desk.case.note.label': 'Interne Notiz',
    'desk.case.evidence.label': 'Beweismitteldatei',
    'desk.step.ReportSubmitted': 'Meldung eingegangen',
    'desk.step.ReportAcknowledged': 'Eingang bestätigt',
    'desk.step.ReportTriaged': 'Eingeschätzt: {detail}',
    'desk.step.ReportAssigned': 'Zugewiesen an {detail}',
    'desk.step.ReportUnassigned': 'Zuweisung aufgehoben: {detail}',
    'desk.step.ReportStatusChanged': 'Stand: {detail}',
    'desk.step.ReportClosed': 'Abgeschlossen: {detail}',
    'desk.step.ReportReferred':
      'An eine andere Stelle weitergeleitet (der Adressat ist in der Weiterleitung versiegelt)',
    'desk.step.ReportReopened': 'Wieder geöffnet',
    'desk.step.ReportKeyShared': 'Meldungsschlüssel geteilt mit {detail}',
    'desk.step.ReportLabelAttached': 'Schlagwort hinzugefügt: {detail}',
    'desk.step.ReportLabelDetached': 'Schlagwort entfernt: {detail}',
    'desk.step.other': 'Aktualisierung',
    'desk.admin.ackTemplate': 'Text der Eingangsbestätigung für',
    'desk.admin.ackTemplateHelp':
      'Wird als erste Nachricht an die hinweisgebende Person vorgeschlagen, wenn der Eingang einer Meldung dieses Kanals bestätigt wird; die Ermittler:innen können sie noch bearbeiten. Leer lassen für den Standardtext.',
    'desk.admin.ackTemplateSave': 'Text der Eingangsbestätigung speichern',
    'desk.admin.labels': 'Schlagwörter für Fälle von',
    'desk.admin.labelsHelp':
      'Ein Schlagwort pro Zeile (einfache Wörter, bis zu 40 Zeichen, keine Fallinhalte): die Schlagwörter, die Ermittler:innen den Fällen dieses Kanals zuordnen dürfen.',
    'desk.admin.labelsSave': 'Schlagwörter speichern',
    'desk.case.labels': 'Schlagwörter',
    'desk.case.noLabels': 'Keine Schlagwörter',
    'desk.case.addLabel': 'Schlagwort hinzufügen',
    'desk.case.attachLabel': 'Hinzufügen',
    'desk.case.removeLabel': 'Schlagwort {label} entfernen',
    'desk.shortcuts.open': 'Tastenkürzel (?)',
    'desk.shortcuts.title': 'Tastenkürzel',
    'desk.shortcuts.lead':
      'In einem Fall, außerhalb von Textfeldern. Jedes Kürzel bringt Sie zum jeweiligen Schritt; gesendet wird erst, wenn Sie dessen Schaltfläche drücken.',
    'desk.shortcuts.next': 'Nächster Fall in der Liste, aus der Sie kommen',
    'desk.shortcuts.previous': 'Vorheriger Fall in dieser Liste',
    'desk.shortcuts.acknowledge': 'Zur Eingangsbestätigung',
    'desk.shortcuts.reply': 'Nachricht an die hinweisgebende Person schreiben',
    'desk.shortcuts.assign': 'Zuständige auswählen',
    'desk.shortcuts.help': 'Diese Liste anzeigen',
    'desk.shortcuts.close': 'Schließen',
    'desk.shortcuts.noNext': 'Kein weiterer Fall in der Liste, aus der Sie kommen.',
    'desk.purge.title': 'Diese Meldung endgültig löschen',
    'desk.purge.explain':
      'Die Aufbewahrungsfrist eines abgeschlossenen Falls kann vorzeitig enden: Endgültiges Löschen vernichtet die Meldung für immer. Niemand kann das rückgängig machen.',
    'desk.purge.open': 'Meldung endgültig löschen…',
    'desk.purge.confirmTitle': 'Meldung {id} endgültig löschen?',
    'desk.purge.destroys': 'Dies vernichtet auf diesem Server:',
    'desk.purge.destroyAnswers':
      'die Antworten, die Nachrichten mit der hinweisgebenden Person und die internen Notizen',
    'desk.purge.destroyEvidence': 'die Beweismitteldateien ({count})',
    'desk.purge.destroyQueue':
      'den Fall in jeder Warteschlange, seine Fristen, Ersteinschätzung und Zuweisungen sowie seine Einträge im Prüfprotokoll',
    'desk.purge.destroyReceipt':
      'die Verbindung zur Quittung: Die Quittung der hinweisgebenden Person wird danach behandelt, als hätte es sie nie gegeben',
    'desk.purge.keeps':
      'Es bleibt nur ein Vermerk: dass Meldung {id} von Ihnen gelöscht wurde, und wann. Vorher angelegte Sicherungen und bereits heruntergeladene Kopien werden nicht erfasst.',
    'desk.purge.typeId': 'Geben Sie zur Bestätigung {id} ein',
    'desk.purge.mismatch': 'Geben Sie die 8 Zeichen {id} genau ein.',
    'desk.purge.confirm': 'Endgültig löschen',
    'desk.purge.cancel': 'Abbrechen',
    'desk.purge.done':
      'Meldung {id} wurde endgültig gelöscht. Nur der Vermerk über die Löschung bleibt.',
    'desk.purge.pending':
      'Meldung {id} ist gelöscht und wird allen verweigert; das Entfernen ihrer letzten Dateien ist fehlgeschlagen und wird vom Aufbewahrungsjob abgeschlossen.',
    'desk.purge.back': 'Zurück zu den Warteschlangen',
    'desk.case.notRecipient':
      'Diese Meldung wurde nicht an Sie gesendet. Nur die Empfänger ihres Kanals zum Zeitpunkt des Eingangs können sie lesen.',
    'desk.case.sealedByServer':
      'Vom Server verschlüsselt: Diese Meldung kam aus einem Browser ohne JavaScript, daher hat der Server ihren Inhalt beim Verschlüsseln gesehen (und ihre Quittung erzeugt). Behandeln Sie ihren Inhalt so, als sei er einmal durch den Server gegangen.',
    'desk.case.notShared':
      'Diese Meldung wurde versiegelt, bevor Sie ihrem Kanal hinzugefügt wurden. Ihre Schlüssel können sie daher noch nicht öffnen, und kein bisher mit Ihnen geteilter Schlüssel öffnet sie. Bitten Sie eine Kollegin oder einen Kollegen, die sie öffnen können, sie mit Ihnen zu teilen.',
    'desk.export.title': 'Fallakte',
    'desk.export.explain':
      'Ein PDF des ganzen Falls (Antworten, der Verlauf mit Nachrichten und Notizen und der SHA-256 jeder Beweismitteldatei), erstellt in diesem Browser. Jede Beweismitteldatei wird für ihren Hash heruntergeladen und entschlüsselt. Der Export wird im Prüfprotokoll vermerkt; das PDF wird nie an den Server gesendet. Es ist eine unverschlüsselte Kopie: Bewahren Sie sie so sicher auf wie den Fall.',
    'desk.export.start': 'Fallakte exportieren (PDF)',
    'desk.export.evidence': 'Beweismittel {done} von {total} wird entschlüsselt',
    'desk.export.building': 'PDF wird erstellt',
    'desk.export.ready': 'Fallakte bereit:',
    'desk.export.save': '{name} speichern',
    'desk.export.failed':
      'Die Fallakte konnte nicht exportiert werden (eine Beweismitteldatei ließ sich nicht entschlüsseln, oder der Export konnte nicht vermerkt werden). Es wurde nichts gespeichert.',
    'desk.export.case': 'Fall',
    'desk.export.received': 'Eingegangen',
    'desk.export.assignees': 'Zugewiesene Ermittler:innen',
    'desk.export.labels': 'Schlagwörter',
    'desk.export.report': 'Meldung {id}',
    'desk.export.exported': 'Exportiert am {date} von {by}. Vertraulich.',
    'desk.export.timeline': 'Verlauf (mit Nachrichten und Notizen)',
    'desk.export.deadline': 'Frist',
    'desk.export.file': '{name} · {type} · {size} Byte',
    'desk.export.footer': 'Fall {id} · vertraulich · Seite {page} von {pages}',
    'desk.export.missing':
      '{count, plural, one {# Zeichen konnte} other {# Zeichen konnten}} in dieser Datei nicht dargestellt werden und {count, plural, one {erscheint} other {erscheinen}} als ?: Die eingebetteten Schriften decken Lateinisch, Griechisch, Kyrillisch und Hebräisch ab, und arabische Schrift kann hier nicht richtig gesetzt werden. Die Fallseite zeigt den Originaltext.',
    'desk.share.title': 'Kolleg:innen, die diese Meldung nicht öffnen können',
    'desk.share.many':
      '{count, plural, one {# Kollegin oder Kollege kann diese Meldung noch nicht öffnen: Sie wurde versiegelt, bevor die Person dem Kanal hinzugefügt wurde.} other {# Kolleg:innen können diese Meldung noch nicht öffnen: Sie wurde versiegelt, bevor sie dem Kanal hinzugefügt wurden.}}',
    'desk.share.button': 'Meldung mit ihnen teilen',
    'desk.share.againTitle': 'Kolleg:innen, die diese Meldung von jemand anderem erhalten haben',
    'desk.share.again':
      '{count, plural, one {# Kollegin oder Kollege hat} other {# Kolleg:innen haben}} den Schlüssel dieser Meldung von jemand anderem aus dem Team erhalten. Wenn die Meldung sich bei ihnen nicht öffnen lässt, teilen Sie Ihre Kopie ebenfalls: Deren Browser probiert jede geteilte Kopie, bis eine die Meldung öffnet.',
    'desk.share.againButton': 'Meine Kopie ebenfalls mit ihnen teilen',
    'desk.share.done': 'Geteilt. Ihre Kolleg:innen können die Meldung jetzt öffnen.',
    'desk.share.refused':
      'Die Empfängerliste des Kanals konnte nicht verifiziert werden; deshalb wurde nichts geteilt. Informieren Sie Ihre Administration.',
    'desk.admin.title': 'Verwaltung',
    'desk.admin.investigators': 'Ermittler:innen',
    'desk.admin.invite': 'Ermittler:in einladen',
    'desk.admin.handle': 'Benutzername der neuen Ermittlerin oder des neuen Ermittlers',
    'desk.admin.role': 'Rolle',
    'desk.admin.roleAdmin': 'Administrator:in',
    'desk.admin.roleInvestigator': 'Ermittler:in',
    'desk.admin.inviteCode':
      'Einladung (geben Sie sie vertraulich weiter; wird nur einmal angezeigt): {code}',
    'desk.admin.channels': 'Kanäle',
    'desk.admin.channelName': 'Name des Kanals',
    'desk.admin.addChannel': 'Kanal hinzufügen',
    'desk.admin.recipientsOf': 'Wer Meldungen an {name} erhält',
    'desk.admin.publishRecipients': 'Empfänger signieren und veröffentlichen',
    'desk.admin.published.done': 'Veröffentlicht.',
    'desk.admin.published.conflict':
      'Jemand anderes hat diesen Kanal zwischenzeitlich geändert. Er wurde neu geladen: Wählen Sie erneut.',
    'desk.admin.published.no-keys':
      'Eine Ermittlerin oder ein Ermittler hat noch keine Schlüssel (nicht registriert).',
    'desk.admin.published.failed': 'Veröffentlichen fehlgeschlagen.',
    'desk.admin.published.unproven':
      'Nicht signiert: Es ist nicht nachgewiesen, dass die Schlüssel, die die Fallbearbeitung für einen Empfänger angegeben hat, wirklich dessen Schlüssel sind.',
    'desk.admin.published.unconfirmed':
      'Noch nicht signiert: Vergleichen Sie jede Sicherheitsnummer mit ihrer Inhaberin oder ihrem Inhaber und haken Sie ab, dass Sie es getan haben.',
    'desk.admin.safetyNumberOf': 'Sicherheitsnummer von {handle}:',
    'desk.admin.compared':
      'Ich habe die Sicherheitsnummer von {handle} telefonisch oder persönlich mit der Person verglichen, und sie stimmt überein',
    'desk.admin.unproven':
      'Warnung: Es ist nicht nachgewiesen, dass die Schlüssel, die die Fallbearbeitung für {handle} angegeben hat, wirklich deren Schlüssel sind. Nicht hinzufügen; bitten Sie {handle}, sich erneut anzumelden, und informieren Sie die Betreiber dieser Installation.',
    'desk.admin.noKeysOf': '{handle} hat noch keine Schlüssel (nicht registriert).',
    'desk.admin.published.no-deployment-key':
      'Sie besitzen den Installationsschlüssel nicht. Jemand aus der Administration, der ihn besitzt, muss ihn zuerst mit Ihnen teilen.',
    'desk.admin.deploymentKey': 'Installationsschlüssel',
    'desk.admin.deploymentKey.lead':
      'Empfängerlisten werden mit dem Installationsschlüssel signiert. Sein privater Teil existiert nur versiegelt für die Administrator:innen, die ihn besitzen; die Browser der hinweisgebenden Personen und die Fallbearbeitung lehnen jede Liste ab, die er nicht signiert hat.',
    'desk.admin.deploymentKey.held': 'Sie besitzen den Installationsschlüssel.',
    'desk.admin.deploymentKey.notHeld':
      'Sie besitzen den Installationsschlüssel nicht. Jemand aus der Administration, der ihn besitzt, kann ihn mit Ihnen teilen.',
    'desk.admin.deploymentKey.share': 'Installationsschlüssel mit {handle} teilen',
    'desk.admin.deploymentKey.shared': 'Mit {handle} geteilt.',
    'desk.admin.deploymentKey.confirmShare': 'Installationsschlüssel für {handle} versiegeln',
    'desk.admin.deploymentKey.rotate': 'Installationsschlüssel ersetzen',
    'desk.admin.deploymentKey.rotated':
      'Der Installationsschlüssel wurde ersetzt. Teilen Sie den neuen Schlüssel mit den anderen Administrator:innen, die ihn besitzen sollen.',
    'desk.admin.deploymentKey.failed':
      'Das hat nicht funktioniert. Laden Sie die Seite neu und versuchen Sie es erneut.',
    'desk.admin.deploymentKey.unproven':
      'Nicht geteilt: Es ist nicht nachgewiesen, dass die Schlüssel, die die Fallbearbeitung für dieses Administrationskonto angegeben hat, wirklich deren Schlüssel sind. Informieren Sie die Betreiber dieser Fallbearbeitung.',
    'desk.admin.questionnaire':
      'Fragebogen (eine Frage pro Zeile; mit * enden, wenn sie Pflicht ist)',
    'desk.admin.resetTotp': 'Authenticator-App von {handle} zurücksetzen',
    'desk.admin.resetCode':
      'Rücksetzcode für {handle} (vertraulich weitergeben; wird nur einmal angezeigt; Eingabe unter /desk/totp-reset): {code}',
    'desk.admin.hashes': 'Diese Hashes veröffentlichen',
    'desk.admin.hashesLead':
      'Die Seiten, die diese Installation ausliefert, Datei für Datei. Veröffentlichen Sie diese Liste und den Installationsschlüssel dort, wo hinweisgebende Personen und Journalist:innen nachsehen: Dann kann jede Person prüfen, dass die Installation genau diese Dateien ausliefert (npm run verify mit ihrer Adresse).',
    'desk.admin.hashesKey': 'In die Seiten eingebauter Installationsschlüssel',
    'desk.admin.hashesUnpinned':
      'Keiner: Diese Seiten vertrauen jedem Schlüssel, den der Server ankündigt. Der Server baut sie mit dem Schlüssel neu, sobald die Einrichtung abgeschlossen ist.',
    'desk.admin.hashesCommit': 'Gebaut aus Commit',
    'desk.admin.hashesDirty': '(mit nicht eingecheckten Änderungen: niemand kann ihn nachbauen)',
    'desk.admin.hashesFiles':
      'SHA-256 jeder der {count, plural, one {# Datei} other {# Dateien}} (sha256sum-Format)',
    'desk.admin.hashesServed':
      'Dieselbe Liste wird mit dem Schlüssel und dem Commit von dieser Fallbearbeitung und von der öffentlichen Website als /manifest.json ausgeliefert.',
    'desk.admin.hashesMissing':
      'Dieser Build hat keine manifest.json: Bauen Sie ihn mit npm run build neu.',
    'desk.admin.audit': 'Prüfprotokoll',
    'desk.admin.auditWhen': 'Wann',
    'desk.admin.auditWho': 'Wer',
    'desk.audit.actor.whistleblower': 'Die hinweisgebende Person',
    'desk.audit.actor.unauthenticated': 'Jemand, der nicht angemeldet ist',
    'desk.audit.actor.system': 'Das System (automatisch)',
    'desk.audit.actor.operator': 'Der Serverbetreiber',
    'desk.audit.actor.unknown': 'Ein nicht mehr aufgeführtes Konto',
    'desk.admin.auditWhat': 'Was passiert ist',
    'desk.admin.auditRecord': 'Eintrag',
    'app.pageTitle': '{page} · {app}',
    'app.language': 'Sprache',
    'app.communityDraft':
      'Community-Entwurf: Diese Übersetzung wurde noch nicht von einer prüfenden Person freigegeben. Ein noch nicht übersetzter Satz erscheint auf Englisch, gepunktet unterstrichen.',
    'case.messageBy': '{who} · {date}',
    'desk.brand': '{app} · {desk}',
    'desk.case.statusLine': 'Status: {status} · Eingegangen am {received}',
    'desk.case.outcomeLine': 'Ergebnis: {outcome}',
    'desk.case.entryAt': '{date} · {what}',
    'desk.case.entry': '{date} · {what} · {who}',
  },
} satisfies Locale;
