// Afrikaans. Not yet reviewed by a native speaker: status 'complete' means every key is
// translated, not that the wording is signed off (reviewedBy stays unset until it is).
//
// Glossary (use these words everywhere, so a person meets one word for one thing):
//   report          verslag                 whistleblower   fluitjieblaser
//   receipt         ontvangsbewys           channel         kanaal
//   investigator    ondersoeker             evidence        bewysstukke
//   acknowledge     ontvangs erken          acknowledgement ontvangserkenning
//   recipient       ontvanger               organisation    organisasie
//   lock (encrypt)  toesluit                decrypt         ontsleutel
//   deployment      installasie             deployment key  installasiesleutel
//   case            saak                    queue           tou
//   triage          trieer (triëring)       label           etiket
//   safety number   veiligheidsnommer       vault           kluis
//   authenticator   verifikasie-toep        recovery key    herstelsleutel
//   audit log       ouditlog                purge           permanent uitvee
//   desk            Lessenaar (the investigators' side)
import type { Locale } from './locale';

export default {
  meta: { code: 'af', name: 'Afrikaans', dir: 'ltr', status: 'complete' },
  messages: {
    'app.name': 'Integrity Desk',
    'noscript.safe':
      'JavaScript is in hierdie blaaier afgeskakel (byvoorbeeld Tor Browser op "Veiligste"), daarom kan hierdie bladsye jou verslag nie hier sluit nie.',
    'noscript.link': 'Rapporteer of keer terug sonder JavaScript',
    'noscript.promise':
      'Op daardie bladsye sien die bediener wat jy skryf terwyl dit dit sluit. Skakel JavaScript aan (sekuriteitsvlak "Veiliger") vir die sterker beskerming.',
    'app.skip': 'Gaan na die hoofinhoud',
    'app.demo': 'Demonstrasie-installasie: moenie regte verslae hier instuur nie.',
    'app.unpinned':
      'Hierdie kopie van die webwerf het nie die installasie se sleutel vasgelê nie, so dit kan nie die regte ontvangers se sleutels onderskei van sleutels wat die bediener in hul plek sit nie. Moenie ’n verslag stuur voordat die administrateur dit klaar opgestel het nie.',
    'app.loading': 'Laai tans…',
    'app.error': 'Iets het verkeerd geloop. Probeer asseblief weer.',
    'app.offline':
      'Die bediener kon nie bereik word nie. Kontroleer jou verbinding en probeer weer.',
    'app.back': 'Terug',
    'app.next': 'Volgende',
    'app.cancel': 'Kanselleer',
    'app.required': 'verpligtend',
    'app.optional': 'opsioneel',
    'app.sessionLost':
      'Hierdie bladsy hou jou verslag net in die geheue. Dit is herlaai of direk oopgemaak, so begin asseblief weer.',

    'nav.home': 'Tuis',
    'nav.report': 'Maak ’n verslag',
    'nav.return': 'Ek het ’n ontvangsbewys',
    'nav.main': 'Hoof',

    'landing.title': 'Rapporteer wangedrag veilig',
    'landing.lead':
      'Met Integrity Desk kan jy vertroude organisasies vertel van korrupsie, bedrog of magsmisbruik sonder om vir enigiemand te sê wie jy is.',
    'landing.who.title': 'Wie ontvang jou verslag',
    'landing.who.body':
      'Jy kies een ontvangerorganisasie, soos ’n burgerlike groep, ’n vakbond, ’n nuuskantoor of ’n toesighoudende liggaam. Net daardie organisasie se ondersoekers kan lees wat jy skryf. Die mense wat hierdie webwerf bestuur, kan nie.',
    'landing.safety.title': 'Voordat jy begin: bly veilig',
    'landing.safety.tor':
      'Gebruik Tor Browser as jy kan. Dit verberg waarvandaan jy koppel. Jy kan dit by torproject.org aflaai.',
    'landing.safety.device':
      'Gebruik ’n foon of rekenaar wat nie aan jou werkgewer behoort of deur hulle bestuur word nie, op ’n netwerk wat hulle nie beheer nie: nie die kantoor se wi-fi nie, nie ’n werkskootrekenaar nie.',
    'landing.safety.work':
      'Moenie van die werk af rapporteer nie, en moenie vir kollegas sê dat jy rapporteer nie.',
    'landing.safety.details':
      'Dink oor wat jy skryf: besonderhede wat net ’n paar mense ken, kan na jou wys. Laat dit uit tensy dit nodig is.',
    'landing.safety.files':
      'Lêers kan versteekte inligting bevat, soos die outeur se naam of waar ’n foto geneem is. Foto’s word in jou blaaier skoongemaak voordat hulle gestuur word; ander dokumente nie.',
    'landing.how.title': 'Hoe jou anonimiteit beskerm word',
    'landing.how.body1':
      'Jou verslag word in hierdie blaaier toegesluit (geënkripteer) voordat dit jou toestel verlaat. Die bediener stoor net die toegesluite weergawe en teken nie jou internetadres aan nie.',
    'landing.how.body2':
      'Wanneer jy klaar is, kry jy ’n ontvangsbewys-kode. Dit is die enigste sleutel tot jou verslag: daarmee kan jy terugkom, vrae van die ondersoekers lees en dit beantwoord. Niemand kan ’n verlore ontvangsbewys herstel nie, selfs nie ons nie.',
    'landing.limits.title': 'Waarteen dit jou nie kan beskerm nie',
    'landing.limits.body':
      'Geen webwerf kan jou verberg as jou toestel dopgehou word, as iemand jou skerm sien, of as wat jy skryf jou identifiseer nie. Jou internetverskaffer of werkgewer kan sien dat jy hierdie webwerf besoek het, tensy jy Tor Browser gebruik.',
    'landing.start': 'Maak ’n verslag',
    'landing.return': 'Kyk na ’n verslag met jou ontvangsbewys',

    'channel.title': 'Kies wie jou verslag moet ontvang',
    'channel.lead':
      'Kies die organisasie wat jy vertrou om dit te ondersoek. Net hulle kan dit lees.',
    'channel.none': 'Geen organisasie aanvaar tans verslae nie.',
    'channel.choose': 'Kies {name}',

    'questions.title': 'Vertel ons wat gebeur het',
    'questions.step': 'Vraag {n} van {total}',
    'questions.missing': 'Beantwoord asseblief hierdie vraag: dit is verpligtend.',
    'questions.yes': 'Ja',
    'questions.no': 'Nee',
    'questions.memory':
      'Jou antwoorde bly net in hierdie blaaieroortjie totdat jy dit instuur. As jy die oortjie toemaak, word dit uitgevee.',

    'evidence.title': 'Voeg bewysstukke by (opsioneel)',
    'evidence.lead':
      'Jy kan foto’s en dokumente aanheg. Foto’s word hier, in jou blaaier, skoongemaak voordat hulle gestuur word.',
    'evidence.add': 'Kies lêers',
    'evidence.none': 'Geen lêers bygevoeg nie.',
    'evidence.remove': 'Verwyder {name}',
    'evidence.cleaned': 'Skoongemaak: {removed}',
    'evidence.cleanedNothing': 'Herkodeer; geen versteekte inligting gevind nie.',
    'evidence.cleanFailed':
      'Hierdie foto kon nie skoongemaak word nie, so dit is nie bygevoeg nie.',
    'evidence.warnDocument':
      'Waarskuwing: {name} is ’n dokument wat die outeur se naam, die organisasie, die rekenaar waarop dit gemaak is, of vroeëre weergawes van die teks kan bevat. Dit word nie skoongemaak nie. Gaan net voort as dit vir jou veilig is.',
    'evidence.keepDocument': 'Heg dit tog aan',
    'evidence.dropDocument': 'Moenie dit aanheg nie',
    'evidence.removed.exif': 'kamera- en redigeerinligting (EXIF)',
    'evidence.removed.gps': 'ligging (GPS)',
    'evidence.removed.xmp': 'XMP-metadata',
    'evidence.removed.iptc': 'IPTC-metadata',
    'evidence.removed.comment': 'kommentaar',
    'evidence.removed.icc': 'kleurprofiel',
    'evidence.removed.text': 'teksblokke',
    'evidence.size': '{size}',

    'review.title': 'Kontroleer jou verslag',
    'review.lead': 'Dit is wat toegesluit en na {name} gestuur sal word.',
    'review.channel': 'Ontvanger',
    'review.answers': 'Jou antwoorde',
    'review.files': 'Lêers',
    'review.empty': '(nie beantwoord nie)',
    'review.submit': 'Sluit toe en stuur',
    'review.edit': 'Verander antwoorde',

    'submit.title': 'Jou verslag word gestuur',
    'submit.work': 'Bewys dat dit nie ’n outomatiese aanval is nie (dit kan ’n minuut duur)',
    'submit.workLeftSeconds': 'Nog omtrent {seconds} s op hierdie toestel',
    'submit.workLeftMinutes': 'Nog omtrent {minutes} min op hierdie toestel',
    'submit.workSoon': 'Enige oomblik nou',
    'submit.keys': 'Jou ontvangsbewys word gemaak',
    'submit.encrypt': 'Jou verslag word toegesluit',
    'submit.upload': 'Stuur tans',
    'submit.done': 'Gestuur',
    'submit.retrying':
      'Die verbinding is verbreek. Ons probeer oor ’n oomblik weer; wat reeds gestuur is, word behou.',
    'submit.failed': 'Stuur het misluk. Jou verslag is steeds in hierdie oortjie.',
    'submit.recipientsChanged':
      'Die organisasie het verander wie sy verslae ontvang terwyl jy geskryf het. Jou verslag word weer vir die huidige ontvangers toegesluit.',
    'submit.recipientsFailed':
      'Die organisasie het verander wie sy verslae ontvang, en die nuwe lys kon nie gekontroleer word nie. Niks is gestuur nie. Probeer oor ’n paar minute weer; jou verslag bly in hierdie oortjie totdat jy dit toemaak.',
    'submit.retry': 'Probeer weer',
    'submit.progress': '{label}: {percent}%',

    'receipt.title': 'Jou ontvangsbewys',
    'receipt.lead':
      'Skryf hierdie ontvangsbewys neer en bêre dit op ’n veilige, private plek. Dit is die enigste pad terug na jou verslag. Dit sal nie weer gewys word nie, en niemand kan dit herstel nie.',
    'receipt.copy': 'Kopieer',
    'receipt.copied': 'Gekopieer. Maak jou knipbord skoon nadat jy dit gebêre het.',
    'receipt.confirm': 'Tik die ontvangsbewys hier om te kontroleer dat jy dit reg neergeskryf het',
    'receipt.mismatch':
      'Dit stem nie ooreen nie. Kontroleer wat jy neergeskryf het en probeer weer.',
    'receipt.confirmed': 'Korrek. Jy kan hierdie bladsy nou verlaat.',
    'receipt.check': 'Kontroleer',
    'receipt.finish': 'Klaar',
    'receipt.hearBack': 'Die organisasie behoort teen {date} ontvangs van jou verslag te erken.',

    'return.title': 'Kyk na jou verslag',
    'return.lead': 'Voer die ontvangsbewys in wat jy gekry het toe jy jou verslag gestuur het.',
    'return.label': 'Ontvangsbewys',
    'return.open': 'Maak my verslag oop',
    'return.deriving': 'Ontsluit tans met jou ontvangsbewys…',
    'return.derivingOld':
      'Hierdie ontvangsbewys is van voor ’n verandering aan hoe ontvangsbewyse ontsluit. Dit neem langer om te ontsluit: sekondes op ’n rekenaar, tot ’n minuut of twee op ’n stadige foon of in Tor Browser.',
    'progress.elapsed': 'Besig: tot dusver {seconds} s.',
    'progress.secondsLeft': 'Nog omtrent {left} s (tot dusver {seconds} s).',
    'progress.minutesLeft': 'Nog omtrent {minutes} minute (tot dusver {seconds} s).',
    'return.invalid': 'Daardie ontvangsbewys is nie geldig nie. Kontroleer elke groep karakters.',
    'return.unknown': 'Geen verslag pas by hierdie ontvangsbewys nie.',
    'returnRefused.title': 'Stop: moenie nog iets deur hierdie webwerf stuur nie',
    'returnRefused.lead':
      'Jou blaaier het wat die bediener teruggestuur het, teen jou ontvangsbewys gekontroleer, en dit pas nie by die verslag wat jy gestuur het nie. Iemand het dalk met hierdie webwerf gepeuter, daarom is niks meer gestuur nie en word jou verslag nie gewys nie.',
    'returnRefused.noMore':
      'Moenie antwoorde, lêers of enigiets anders deur hierdie webwerf stuur nie totdat die organisasie wat dit bestuur jou op ’n ander manier wat jy vertrou, sê dat dit weer veilig is.',
    'returnRefused.keepReceipt':
      'Hou jou ontvangsbewys veilig en geheim: dit is steeds die enigste pad terug na jou verslag, en niemand kan dit terugstel nie.',
    'returnRefused.close':
      'Jy kan hierdie oortjie nou toemaak. Niks van jou ontvangsbewys word daarin gehou nie.',

    'case.title': 'Jou verslag',
    'case.outcome': 'Uitslag',
    'case.status': 'Status',
    'case.submitted': 'Gestuur op {date}',
    'case.ackBy': 'Jy behoort teen {date} ’n ontvangserkenning te kry.',
    'case.feedbackBy': 'Jy sal teen {date} hoor wat gedoen word.',
    'case.timeline': 'Wat het gebeur',
    'case.timelineEntry': '{date}: {what}',
    'case.messages': 'Boodskappe',
    'case.noMessages': 'Nog geen boodskappe nie.',
    'case.fromYou': 'Jy',
    'case.fromDesk': 'Ondersoeker',
    'case.reply': 'Jou antwoord',
    'case.send': 'Stuur antwoord',
    'case.sent': 'Antwoord gestuur.',
    'case.addEvidence': 'Voeg meer bewysstukke by',
    'case.uploadEvidence': 'Stuur lêers',
    'case.evidenceSent': 'Lêers gestuur.',
    'case.logout': 'Teken uit',
    'case.refresh': 'Kyk vir nuwe inligting',
    'case.loggedOut': 'Jy het uitgeteken. Maak hierdie oortjie toe wanneer jy klaar is.',
    'case.unverified': 'Onbevestigde boodskap, nie gewys nie',
    'case.unverifiedDetail':
      'Hierdie boodskap het sy integriteitstoets gedruip, daarom word nóg die teks nóg wie dit geskryf het, gewys. Iemand wat die bediener beheer, het dit dalk vervals, verander of herhaal. Die ander boodskappe is bevestig.',
    'case.missingBefore':
      '{count, plural, one {# vroeëre boodskap} other {# vroeëre boodskappe}} van hierdie skrywer ontbreek hier: die bediener het dit nie oorhandig nie.',

    'status.submitted': 'Ontvang',
    'status.acknowledged': 'Ontvangs erken',
    'status.in_review': 'Word beoordeel',
    'status.investigating': 'Word ondersoek',
    'status.closed': 'Gesluit',
    'status.purged': 'Uitgevee',

    'outcome.substantiated': 'Die verslag is as waar bevind',
    'outcome.unsubstantiated': 'Die verslag kon nie bevestig word nie',
    'outcome.no_action_possible': 'Geen stappe was moontlik nie',
    'outcome.referred_elsewhere': 'Na ’n ander liggaam verwys',
    'nav.statistics': 'Statistiek',
    'sector.procurement': 'Openbare verkryging',
    'sector.police': 'Polisie',
    'sector.health': 'Gesondheid',
    'sector.mining': 'Mynbou',
    'sector.fisheries': 'Visserye',
    'sector.land': 'Grond',
    'sector.other': 'Ander',
    'sector.unspecified': 'Sektor nie gestel nie',
    'statistics.title': 'Gepubliseerde statistiek',
    'statistics.lead':
      'Wat die organisasies van hierdie koalisie per kwartaal ontvang het en hoe hulle geantwoord het. Slegs kwartale wat verby is, word gepubliseer, en klein getalle word versteek sodat niemand uitgesonder kan word nie.',
    'statistics.none': 'Niks is nog gepubliseer nie.',
    'statistics.published': 'Gepubliseer op {date}.',
    'statistics.quarter': 'Kwartaal',
    'statistics.channel': 'Organisasie',
    'statistics.sector': 'Sektor',
    'statistics.allChannels': 'Alle organisasies',
    'statistics.allSectors': 'Alle sektore',
    'statistics.hidden': 'versteek*',
    'statistics.hiddenNote':
      '* Minder as {threshold}, of versteek sodat ’n getal onder {threshold} nie uit die ander uitgewerk kan word nie.',
    'statistics.measure.received': 'Verslae ontvang',
    'statistics.measure.acknowledgedInTime': 'Betyds erken',
    'statistics.measure.feedbackInTime': 'Betyds terugvoer gegee',
    'desk.statistics.nav': 'Statistiek',
    'desk.statistics.lead':
      'Lewendige syfers vir die kanale wat u ontvang. Hulle verlaat nooit die lessenaar nie: slegs ’n momentopname wat ’n administrateur publiseer, is openbaar.',
    'desk.statistics.share': '{done} van {due} ({percent})',
    'desk.statistics.noneDue': 'nog niks verskuldig nie',
    'desk.statistics.medianAck': 'Mediaan tyd tot erkenning',
    'desk.statistics.medianFeedback': 'Mediaan tyd tot terugvoer',
    'desk.statistics.days': '{count, plural, one {# dag} other {# dae}}',
    'desk.statistics.noValue': '–',
    'desk.statistics.ackOverdue': 'Erkennings nou agterstallig',
    'desk.statistics.feedbackOverdue': 'Terugvoer nou agterstallig',
    'desk.statistics.byQuarter': 'Volgens kwartaal ontvang',
    'desk.statistics.byChannel': 'Volgens kanaal',
    'desk.statistics.chart': 'Verslae ontvang per kwartaal',
    'desk.statistics.publish.title': 'Publiseer statistiek',
    'desk.statistics.publish.lead':
      'Publisering plaas ’n momentopname op die openbare webwerf: slegs afgelope kwartale, elke getal onder die drempel versteek, en die getalle waaruit een uitgewerk kan word, ook versteek. Kyk eers na die voorskou: ’n gepubliseerde momentopname kan nie teruggetrek word nie.',
    'desk.statistics.publish.threshold': 'Versteek getalle onder',
    'desk.statistics.publish.preview': 'Voorskou',
    'desk.statistics.publish.confirm': 'Publiseer hierdie momentopname',
    'desk.statistics.publish.done': 'Gepubliseer op {date}.',
    'desk.statistics.publish.empty':
      'Geen kwartaal het sedert die eerste verslag verbygegaan nie: daar is nog niks om te publiseer nie.',
    'desk.notify.title': 'E-poskennisgewings',
    'desk.notify.lead':
      'Die lessenaar kan u per e-pos laat weet dat daar werk is: ’n nuwe verslag in u kanale, ’n antwoord van ’n fluitjieblaser, ’n sperdatum wat nader of verby is. Die boodskap sê nooit wat, waar of presies wanneer nie. Laat die adres leeg vir geen e-pos nie.',
    'desk.notify.failed': 'Kon nie stoor nie: kontroleer die adres en die sleutel en probeer weer.',
    'desk.notify.email': 'E-posadres',
    'desk.notify.mode': 'Hoe gereeld',
    'desk.notify.mode.default': 'Die verstek ({mode})',
    'desk.notify.mode.immediate': 'Dadelik, wanneer daar werk is',
    'desk.notify.mode.digest': 'Een boodskap per dag, slegs wanneer daar werk is',
    'desk.notify.mode.daily':
      'Elke dag een boodskap, of daar werk is of nie (verberg wanneer verslae aankom)',
    'desk.notify.pgp':
      'OpenPGP publieke sleutel (opsioneel: boodskappe word dan daarmee versleutel)',
    'desk.notify.save': 'Stoor kennisgewing-instellings',
    'desk.notify.saved': 'Gestoor.',
    'desk.notify.defaultMode': 'Verstek vir almal wat nie gekies het nie',
    'desk.notify.saveDefault': 'Stoor die verstek',

    'timeline.ReportSubmitted': 'Verslag gestuur',
    'timeline.ReportAcknowledged': 'Ontvangs van verslag erken',
    'timeline.ReportTriaged': 'Verslag beoordeel',
    'timeline.ReportAssigned': 'Ondersoeker toegewys',
    'timeline.ReportStatusChanged': 'Status verander',
    'timeline.MessagePosted': 'Boodskap',
    'timeline.EvidenceAdded': 'Bewysstukke bygevoeg',
    'timeline.ReportReferred': 'Verwys',
    'timeline.ReportClosed': 'Saak gesluit',
    'timeline.ReferralProposed': 'Verwysing na ’n ander organisasie voorgestel',
    'timeline.ReferralAccepted': 'Verslag aan ’n ander organisasie oorgegee',
    'timeline.ReferralDeclined': 'Verwysing van die hand gewys',
    'timeline.ReferralWithdrawn': 'Verwysing teruggetrek',
    'case.referral.title': '’n Ander organisasie',
    'case.referral.unknownOrganisation': '’n organisasie wat nie hier gelys is nie',
    'case.referral.proposed':
      'Op {date} het die ondersoekers voorgestel om u verslag aan {organisation} oor te gee. Niks word met hulle gedeel tensy u instem nie.',
    'case.referral.accepted': 'U verslag is met u instemming aan {organisation} oorgegee.',
    'case.referral.informed':
      'U verslag is aan {organisation} oorgegee: die organisasie waaraan u gerapporteer het, moet dit volgens wet aanstuur.',
    'case.referral.declined':
      'U het geweier om u verslag aan {organisation} oor te gee. Niks is met hulle gedeel nie.',
    'case.referral.reason': 'Hulle rede:',
    'case.referral.unverified':
      'Hierdie voorstel kon nie geverifieer word nie, dus word die rede nie gewys nie en kan dit nie hier beantwoord word nie.',
    'case.referral.choice':
      'As u instem, kan {organisation} u verslag en u boodskappe lees en dit met sy eie sperdatums hanteer.',
    'case.referral.accept': 'Stem in: gee dit oor',
    'case.referral.decline': 'Weier: hou dit hier',
    'desk.admin.referralMode': 'Verwysing na ’n ander lid vanaf',
    'desk.admin.referralConsent': 'Die fluitjieblaser besluit',
    'desk.admin.referralInform': 'Slegs inlig: ’n wetlike plig om aan te stuur',
    'desk.admin.referralModeSave': 'Stoor die verwysingsinstelling',
    'desk.admin.referralModeNoList':
      'Publiseer eers die kanaal se ontvangers: die verwysingsinstelling word in hul lys onderteken.',
    'desk.referral.title': 'Verwysing na ’n ander lid',
    'desk.referral.line':
      '{channel}: {status, select, proposed {wag vir die fluitjieblaser} accepted {verwys} declined {deur die fluitjieblaser geweier} withdrawn {teruggetrek} other {onbekend}} (voorgestel op {date})',
    'desk.referral.withdraw': 'Trek terug',
    'desk.referral.target': 'Verwys na',
    'desk.referral.reason':
      'Hoekom (die fluitjieblaser lees dit; dit word in u blaaier geënkripteer)',
    'desk.referral.handOver':
      'Gee die saak oor: u kanaal verloor toegang sodra die verwysing in werking tree',
    'desk.referral.consentNote':
      'Die fluitjieblaser besluit: niks word met die ander lid gedeel tensy hulle instem nie.',
    'desk.referral.informNote':
      'U kanaal stuur aan weens ’n wetlike plig: die fluitjieblaser word ingelig, nie gevra nie.',
    'desk.referral.propose': 'Stel die verwysing voor',
    'desk.referral.forward': 'Stuur die verslag aan',
    'desk.referral.done':
      'Verwysing gestuur. Slegs ’n aanvaarde verwysing gee die ander lid die sleutel.',
    'desk.referral.refused':
      'Die ander lid se ontvangerslys kon nie geverifieer word nie, dus is niks gestuur nie. Sê vir u administrateur.',
    'desk.referral.referredIn':
      'Verwys deur {channel}. Erken teen {ack}; terugvoer teen {feedback}.',
    'desk.referral.incomingTitle': 'Na u kanale verwys',
    'desk.referral.incomingLine': 'verwys deur {channel}; erken teen {ack}',
    'desk.step.ReferralProposed': 'Verwysing na {detail} voorgestel',
    'desk.step.ReferralAccepted': 'Verwysing na {detail} deur die fluitjieblaser aanvaar',
    'desk.step.ReferralForwarded': 'Aangestuur na {detail} (slegs inligting)',
    'desk.step.ReferralDeclined': 'Verwysing deur die fluitjieblaser geweier',
    'desk.step.ReferralWithdrawn': 'Verwysing teruggetrek',
    'timeline.ReferralAcknowledged': 'Die ander organisasie het u verslag ontvang',
    'case.referral.received': '{organisation} het u verslag ontvang ({date}).',
    'desk.step.ReferralAcknowledged': 'Verwysing erken deur die ontvangende lid',
    'desk.referral.acknowledge': 'Erken die verwysing',
    'desk.referral.acknowledged': 'Erken {date}.',
    'desk.referral.incomingAcknowledged': 'verwys deur {channel}; erken {date}',
    'timeline.other': 'Opdatering',
    'timeline.withDetail': '{what}: {detail}',

    'desk.nav': 'Lessenaar',
    'desk.queues': 'Toue',
    'desk.admin': 'Administrasie',
    'desk.logout': 'Teken uit',
    'desk.setup.title': 'Stel hierdie installasie op',
    'desk.setup.lead':
      'Dit is die eerste begin. Skep die eerste administrateursrekening. Sy sleutels word in hierdie blaaier gemaak; sy ondertekeningsleutel word die installasiesleutel wat elke ontvangerslys onderteken.',
    'desk.setup.token': 'Opstelteken (deur die bediener gedruk met die eerste begin)',
    'desk.setup.submit': 'Stel op',
    'desk.enrol.title': 'Registreer as ondersoeker',
    'desk.enrol.invite': 'Uitnodiging (van jou administrateur)',
    'desk.enrol.email': 'Gebruikersnaam',
    'desk.enrol.password': 'Wagwoord (minstens 12 karakters)',
    'desk.enrol.passwordShort': 'Gebruik minstens 12 karakters.',
    'desk.enrol.submit': 'Skep my sleutels',
    'desk.enrol.totp':
      'Skandeer hierdie kode met ’n verifikasie-toep en voer dan die sessyferkode in wat dit wys.',
    'desk.enrol.totpSecret': 'Of tik hierdie geheim: {secret}',
    'desk.enrol.qrAlt': 'QR-kode vir jou verifikasie-toep',
    'desk.enrol.code': 'Sessyferkode',
    'desk.enrol.confirm': 'Bevestig',
    'desk.enrol.recovery':
      'Jou herstelsleutel. Druk dit of skryf dit neer en hou dit van die internet af. Dit word net een keer gewys; dit ontsluit jou sleutels as jy jou wagwoord vergeet.',
    'desk.enrol.done': 'Registrasie voltooi. Jy kan nou aanteken.',
    'desk.login.title': 'Aanteken vir ondersoekers',
    'desk.login.user': 'Gebruikersnaam',
    'desk.login.password': 'Wagwoord',
    'desk.login.totp': 'Verifikasiekode',
    'desk.login.submit': 'Teken aan',
    'desk.login.failed': 'Aanteken het misluk. Kontroleer jou besonderhede en probeer weer.',
    'desk.login.busy':
      'Te veel aantekenpogings word nou gekontroleer. Probeer asseblief oor ’n oomblik weer.',
    'desk.password.nav': 'Wagwoord',
    'desk.account.nav': 'Rekening',
    'desk.account.title': 'Jou rekening',
    'desk.account.safetyNumber': 'Jou veiligheidsnommer',
    'desk.account.safetyLead':
      'Hierdie nommer word in hierdie blaaier bereken uit die sleutels in jou kluis. Dit verander as enigiemand, die bediener ingesluit, ander sleutels in jou plek sit.',
    'desk.account.safetyHow':
      'Voordat ’n administrateur jou by ’n kanaal voeg, moet hy of sy dit per telefoon of persoonlik met jou vergelyk: lees dit groep vir groep vir hulle voor. Vergelyk dit nooit per e-pos of deur die Lessenaar nie.',
    'desk.keyAlarm.title': 'Waarskuwing: jou sleutels is in ’n ontvangerslys vervang',
    'desk.keyAlarm.lead':
      'Hierdie blaaier het die Lessenaar se ondertekende ontvangerslyste teen die sleutels in jou kluis gekontroleer en ’n probleem gevind. Verslae aan hierdie kanale kan dalk deur iemand anders gelees word.',
    'desk.keyAlarm.keys-differ':
      'Kanaal {channel}, lysweergawe {version}: dit noem jou met sleutels wat nie joune is nie.',
    'desk.keyAlarm.signature-invalid':
      'Kanaal {channel}, lysweergawe {version}: die handtekening klop nie met die installasiesleutel nie.',
    'desk.keyAlarm.todo':
      'Die alarm is in die ouditlog aangeteken. Sê dit per telefoon of persoonlik vir ’n administrateur, nie deur die Lessenaar nie, en moenie verslae oopmaak of deel voordat dit verduidelik is nie.',
    'desk.password.title': 'Verander jou wagwoord',
    'desk.password.lead':
      'Jou sleutels bly dieselfde: jou blaaier sit dit in ’n nuwe kluis onder die nuwe wagwoord. Jy kry ’n nuwe herstelsleutel; die oue werk nie vir die nuwe kluis nie.',
    'desk.password.current': 'Huidige wagwoord',
    'desk.password.new': 'Nuwe wagwoord (minstens 12 karakters)',
    'desk.password.repeat': 'Nuwe wagwoord weer',
    'desk.password.submit': 'Verander wagwoord',
    'desk.password.done': 'Wagwoord verander. Jou ander sessies is uitgeteken.',
    'desk.password.recovery':
      'Jou nuwe herstelsleutel. Druk dit of skryf dit neer en hou dit veilig; dit word net nou gewys:',
    'desk.password.problem.short': 'Gebruik minstens 12 karakters.',
    'desk.password.problem.mismatch': 'Die twee nuwe wagwoorde verskil.',
    'desk.password.problem.current': 'Die huidige wagwoord is nie korrek nie.',
    'desk.password.problem.throttled': 'Te veel pogings. Wag asseblief en probeer weer.',
    'desk.password.problem.failed':
      'Die wagwoord kon nie verander word nie. Probeer asseblief weer.',
    'desk.totpReset.title': 'Stel ’n nuwe verifikasie-toep op',
    'desk.totpReset.lead':
      'Jou administrateur het jou verifikasie-toep teruggestel. Voer die terugstelkode in wat hulle vir jou gegee het, jou gebruikersnaam en jou wagwoord.',
    'desk.totpReset.code': 'Terugstelkode (van jou administrateur)',
    'desk.totpReset.submit': 'Gaan voort',
    'desk.totpReset.done': 'Jou nuwe verifikasie-toep is opgestel. Jy kan nou aanteken.',
    'desk.totpReset.problem.refused': 'Die terugstelkode of die wagwoord is nie korrek nie.',
    'desk.totpReset.problem.throttled': 'Te veel pogings. Wag asseblief en probeer weer.',
    'desk.totpReset.problem.failed': 'Iets het verkeerd geloop. Probeer asseblief weer.',
    'desk.unlock.title': 'Ontsluit jou sleutels',
    'desk.unlock.lead':
      'Jou private sleutels is met jou wagwoord toegesluit. Hulle word net in hierdie blaaier ontsluit.',
    'desk.unlock.submit': 'Ontsluit',
    'desk.unlock.working':
      'Jou sleutels word met jou wagwoord ontsluit (Argon2id). In die meeste blaaiers neem dit minder as ’n sekonde; sonder WebAssembly (Tor Browser "Safer") kan dit ’n paar minute duur.',
    'desk.unlock.failed': 'Verkeerde wagwoord.',
    'desk.cases.nav': 'Sakelys',
    'desk.cases.title': 'Sakelys',
    'desk.cases.live': 'Regstreeks: nuwe verslae en antwoorde verskyn hier sonder om te herlaai.',
    'desk.cases.offline':
      'Ontvang nie regstreekse opdaterings nie; die lys word verfris wanneer jy filtreer.',
    'desk.cases.views': 'Gestoorde aansigte',
    'desk.cases.all': 'Alle sake',
    'desk.cases.search': 'Soek (gewone velde en etikette)',
    'desk.cases.any': 'Enige',
    'desk.cases.none': 'Nie gestel nie',
    'desk.cases.sector': 'Sektor',
    'desk.cases.region': 'Streek',
    'desk.cases.label': 'Etiket',
    'desk.cases.labels': 'Etikette',
    'desk.cases.assignee': 'Toegewysde',
    'desk.cases.assignees': 'Toegewysdes',
    'desk.cases.me': 'Ek',
    'desk.cases.unassigned': 'Nie toegewys nie',
    'desk.cases.sort': 'Sorteer volgens',
    'desk.cases.sortDefault': 'Die aansig se volgorde',
    'desk.cases.direction': 'Volgorde',
    'desk.cases.asc': 'Stygend',
    'desk.cases.desc': 'Dalend',
    'desk.cases.apply': 'Filtreer',
    'desk.cases.export.start': 'Voer CSV uit',
    'desk.cases.export.explain':
      '“Voer CSV uit” stoor elke saak van hierdie filter (alle bladsye, nie net hierdie een nie) met sy gewone velde, in hierdie blaaier gemaak. Die uitvoer word in die ouditlog aangeteken. Die lêer is ’n kopie buite die Lessenaar: hou dit so veilig soos die sake.',
    'desk.cases.export.progress': 'Sake word gelees: {done} van {total}',
    'desk.cases.export.ready': 'CSV gereed:',
    'desk.cases.export.failed':
      'Die saaklys kon nie uitgevoer word nie (’n bladsy kon nie gelees word nie, of die uitvoer kon nie aangeteken word nie). Niks is gestoor nie.',
    'desk.cases.total': '{count, plural, one {# saak} other {# sake}}',
    'desk.work.label': 'Werk wat wag',
    'desk.work.none': 'Niks wag nie',
    'desk.work.newReports': '{count, plural, one {# nuwe verslag} other {# nuwe verslae}}',
    'desk.work.replies':
      '{count, plural, one {# ongeleesde antwoord} other {# ongeleesde antwoorde}}',
    'desk.work.due': '{count, plural, one {# sperdatum naby} other {# sperdatums naby}}',
    'desk.work.overdue': '{count, plural, one {# agterstallig} other {# agterstallig}}',
    'desk.reminder.due': 'Sperdatum naby: herinnering gestuur',
    'desk.reminder.overdue': 'Agterstallig: administrateurs ingelig',
    'desk.reminder.referralFeedbackDue': 'Terugvoer oor verwysing verskuldig: herinnering gestuur',
    'desk.reminder.referralFeedbackOverdue':
      'Terugvoer oor verwysing agterstallig: administrateurs ingelig',
    'desk.reminder.referralDue': 'Verwysing om te erken: herinnering gestuur',
    'desk.reminder.referralOverdue':
      'Erkenning van verwysing agterstallig: administrateurs ingelig',
    'desk.cases.reminder': 'Herinnering',
    'desk.cases.awaiting': 'Laaste om te skryf',
    'desk.cases.awaiting.investigator': 'Die fluitjieblaser',
    'desk.cases.awaiting.whistleblower': 'Ons',
    'desk.cases.unread': 'Ongelees',
    'desk.cases.unreadCount': '{count} nuut',
    'desk.cases.referredBy': 'Verwys deur {channel}',
    'desk.cases.previous': 'Vorige bladsy',
    'desk.cases.next': 'Volgende bladsy',
    'desk.cases.col.received': 'Ontvang',
    'desk.cases.col.nextDeadline': 'Volgende sperdatum',
    'desk.cases.col.priority': 'Prioriteit',
    'desk.cases.col.status': 'Status',
    'desk.cases.col.sector': 'Sektor',
    'desk.cases.col.region': 'Streek',
    'desk.cases.col.lastActivity': 'Laaste aktiwiteit',
    'desk.queue.title': 'Toue',
    'desk.queue.empty': 'Geen sake in hierdie tou nie.',
    'desk.queue.refresh': 'Verfris',
    'desk.queue.inbox': 'Inkassie',
    'desk.queue.needs_triage': 'Moet getrieer word',
    'desk.queue.mine': 'Aan my toegewys',
    'desk.queue.awaiting_whistleblower': 'Wag op die fluitjieblaser',
    'desk.queue.feedback_due_soon': 'Terugvoer binnekort verskuldig',
    'desk.queue.feedback_overdue': 'Terugvoer agterstallig',
    'desk.queue.closed': 'Gesluit',
    'desk.queue.open': 'Tou',
    'desk.queue.count': '{name} ({count})',
    'desk.queue.case': 'Saak {id}',
    'desk.queue.received': 'Ontvang {date}',
    'desk.case.title': 'Saak {id}',
    'desk.case.answers': 'Antwoorde',
    'desk.case.fromWhistleblower': 'Fluitjieblaser',
    'desk.case.evidence': 'Bewysstukke',
    'desk.case.download': 'Ontsleutel en stoor {name}',
    'desk.case.downloading': 'Ontsleutel {name}: {percent}%',
    'desk.case.messages': 'Boodskappe met die fluitjieblaser',
    'desk.case.notes': 'Interne notas',
    'desk.case.timeline': 'Sperdatums en beoordeling',
    'desk.case.ackDue': 'Erken ontvangs teen {date}',
    'desk.case.feedbackDue': 'Terugvoer verskuldig teen {date}',
    'desk.case.triaged': 'Prioriteit {priority}, sektor {sector}',
    'desk.case.assignees': 'Toegewysde ondersoekers: {count}',
    'desk.case.ack': 'Erken ontvangs',
    'desk.case.ackTemplate':
      'Dankie vir jou verslag. Ons het dit ontvang en sal dit beoordeel. Ons sal jou hier kontak as ons vrae het.',
    'desk.case.triage': 'Trieer',
    'desk.case.priority': 'Prioriteit',
    'desk.case.sector': 'Sektor',
    'desk.case.assign': 'Wys toe',
    'desk.case.assignee': 'Ondersoeker',
    'desk.case.status': 'Verander status',
    'desk.case.message': 'Boodskap aan die fluitjieblaser',
    'desk.case.send': 'Stuur',
    'desk.case.note': 'Interne nota (word nooit aan die fluitjieblaser gewys nie)',
    'desk.case.addNote': 'Voeg nota by',
    'desk.case.close': 'Sluit saak',
    'desk.case.outcome': 'Uitslag (word aan die fluitjieblaser gewys)',
    'desk.case.conflict':
      'Iemand anders het hierdie saak verander terwyl jy daaraan gewerk het. Dit is herlaai: kontroleer die nuutste stand en probeer weer.',
    'desk.case.done': 'Klaar.',
    'desk.case.report': 'Die verslag',
    'desk.case.work': 'Werk aan hierdie saak',
    'desk.case.history': 'Wat het gebeur',
    'desk.case.noAnswers': 'Geen antwoorde nie.',
    'questions.language': 'Taal van die vrae',
    'desk.case.answeredIn': 'Beantwoord in {language}.',
    'desk.case.askedAs': 'Die vraag soos die fluitjieblaser dit gelees het ({language}):',
    'desk.case.choseAs': 'Hulle antwoord soos hulle dit gelees het:',
    'desk.admin.questionnaireLanguage': 'Taal van hierdie vrae (’n kode soos en, af of de)',
    'desk.admin.questionnaireAlso': 'Ook geskryf in (kodes geskei deur kommas, soos af, de)',
    'desk.admin.questionnaireIn':
      'Vrae in {language} ({code}): dieselfde vrae in dieselfde volgorde, een per reël',
    'desk.admin.questionnaireHelp':
      '’n Keuse: ná die vraag, “| sleutel=woorde” vir elke antwoord, byvoorbeeld “Gaan dit nog aan? | yes=Ja | no=Nee”. Elke taal gebruik dieselfde sleutels.',
    'desk.admin.questionnaireUntranslated':
      'In ’n vertaling hou ’n reël met net “-” daardie vraag in die verstektaal.',
    'desk.admin.questionnaireMismatch':
      'Elke taal het dieselfde vrae nodig, een per reël in dieselfde volgorde, met dieselfde antwoordsleutels.',
    'desk.case.questionId': 'Vraag “{id}” (nie in die kanaal se vraelys nie)',
    'desk.case.deadlines': 'Sperdatums',
    'desk.case.deadline.acknowledge': 'Ontvangserkenning',
    'desk.case.deadline.feedback': 'Terugvoer',
    'desk.case.deadline.referralAcknowledge': 'Erken die verwysing',
    'desk.case.deadline.referralFeedback': 'Terugvoer oor die verwysing',
    'desk.case.deadline.met': '{what}: gedoen',
    'desk.case.deadline.left': '{what}: {days, plural, one {# dag oor} other {# dae oor}} ({date})',
    'desk.case.deadline.late':
      '{what}: {days, plural, one {# dag laat} other {# dae laat}} ({date})',
    'desk.case.deadline.today': '{what}: vandag verskuldig ({date})',
    'desk.case.assigned': 'Toegewys',
    'desk.case.nobodyAssigned': 'Nog niemand nie',
    'desk.case.triageShown': 'Prioriteit, sektor',
    'desk.case.notTriaged': 'Nog nie getrieer nie',
    'desk.case.evidenceSealed':
      'Verseëlde lêer, tot {size}; die naam en tipe word gewys sodra dit ontsleutel is',
    'desk.case.evidenceOpened': '{type}, {size}',
    'desk.case.decrypt': 'Ontsleutel {name}',
    'desk.case.save': 'Stoor',
    'desk.case.previewOf': 'Voorskou van {name}',
    'desk.case.openPdf': 'Maak oop in ’n nuwe oortjie:',
    'desk.case.noPreview':
      'Geen voorskou vir hierdie tipe nie: stoor dit en maak dit oop op ’n rekenaar wat daarvoor bedoel is.',
    'desk.case.noEvidence': 'Geen bewysstuklêers nie.',
    'desk.case.unknownType': 'onbekende tipe',
    'desk.case.by': '{what} · {who}',
    'desk.case.stepAt': '{date}',
    'desk.case.byWhistleblower': 'die fluitjieblaser',
    'desk.case.note.label': 'Interne nota',
    'desk.case.evidence.label': 'Bewysstuklêer',
    'desk.step.ReportSubmitted': 'Verslag ontvang',
    'desk.step.ReportAcknowledged': 'Ontvangs erken',
    'desk.step.ReportTriaged': 'Getrieer: {detail}',
    'desk.step.ReportAssigned': 'Toegewys aan {detail}',
    'desk.step.ReportUnassigned': 'Toewysing verwyder: {detail}',
    'desk.step.ReportStatusChanged': 'Status: {detail}',
    'desk.step.ReportClosed': 'Gesluit: {detail}',
    'desk.step.ReportReferred': 'Elders heen verwys (die ontvanger is in die verwysing verseël)',
    'desk.step.ReportReopened': 'Heropen',
    'desk.step.ReportKeyShared': 'Verslagsleutel gedeel met {detail}',
    'desk.step.ReportLabelAttached': 'Etiket bygevoeg: {detail}',
    'desk.step.ReportLabelDetached': 'Etiket verwyder: {detail}',
    'desk.step.other': 'Opdatering',
    'desk.admin.ackTemplate': 'Ontvangserkenningsboodskap vir',
    'desk.admin.ackTemplateHelp':
      'Word aangebied as die eerste boodskap aan die fluitjieblaser wanneer ontvangs van ’n verslag in hierdie kanaal erken word; die ondersoeker kan dit steeds wysig. Laat leeg vir die standaardteks.',
    'desk.admin.ackTemplateSave': 'Stoor ontvangserkenningsboodskap',
    'desk.admin.labels': 'Saak-etikette vir',
    'desk.admin.labelsHelp':
      'Een etiket per reël (gewone woorde, tot 40 karakters, geen saakinhoud nie): die etikette wat ondersoekers aan hierdie kanaal se sake mag heg.',
    'desk.admin.labelsSave': 'Stoor saak-etikette',
    'desk.case.labels': 'Etikette',
    'desk.case.noLabels': 'Geen etikette nie',
    'desk.case.addLabel': 'Voeg ’n etiket by',
    'desk.case.attachLabel': 'Voeg etiket by',
    'desk.case.removeLabel': 'Verwyder etiket {label}',
    'desk.shortcuts.open': 'Sleutelbordkortpaaie (?)',
    'desk.shortcuts.title': 'Sleutelbordkortpaaie',
    'desk.shortcuts.lead':
      'Op ’n saak, buite teksvelde. Elkeen neem jou na die stap; niks word gestuur voordat jy die knoppie daarvan druk nie.',
    'desk.shortcuts.next': 'Volgende saak in die lys waarvandaan jy gekom het',
    'desk.shortcuts.previous': 'Vorige saak in daardie lys',
    'desk.shortcuts.acknowledge': 'Gaan na die ontvangserkenning',
    'desk.shortcuts.reply': 'Skryf ’n boodskap aan die fluitjieblaser',
    'desk.shortcuts.assign': 'Kies aan wie om toe te wys',
    'desk.shortcuts.help': 'Wys hierdie lys',
    'desk.shortcuts.close': 'Maak toe',
    'desk.shortcuts.noNext': 'Geen verdere saak in die lys waarvandaan jy gekom het nie.',
    'desk.purge.title': 'Vee hierdie verslag permanent uit',
    'desk.purge.explain':
      'Die bewaartydperk van ’n geslote saak kan vroeg eindig: permanente uitvee vernietig die verslag vir altyd. Niemand kan dit ongedaan maak nie.',
    'desk.purge.open': 'Vee verslag permanent uit…',
    'desk.purge.confirmTitle': 'Vee verslag {id} permanent uit?',
    'desk.purge.destroys': 'Dit vernietig, op hierdie bediener:',
    'desk.purge.destroyAnswers':
      'die antwoorde, die boodskappe met die fluitjieblaser en die interne notas',
    'desk.purge.destroyEvidence': 'die bewysstuklêers ({count})',
    'desk.purge.destroyQueue':
      'die saak in elke tou, sy sperdatums, triëring en toewysings, en sy inskrywings in die ouditlog',
    'desk.purge.destroyReceipt':
      'die skakel na die ontvangsbewys: die fluitjieblaser se ontvangsbewys sal dan beantwoord word asof dit nooit bestaan het nie',
    'desk.purge.keeps':
      'Net ’n rekord bly oor: dat verslag {id} deur jou uitgevee is, en wanneer. Rugsteune wat voor nou gemaak is en kopieë wat reeds afgelaai is, word nie bereik nie.',
    'desk.purge.typeId': 'Tik {id} om te bevestig',
    'desk.purge.mismatch': 'Tik die 8 karakters {id} presies.',
    'desk.purge.confirm': 'Vee permanent uit',
    'desk.purge.cancel': 'Kanselleer',
    'desk.purge.done': 'Verslag {id} is permanent uitgevee. Net die rekord van die uitvee bly oor.',
    'desk.purge.pending':
      'Verslag {id} is uitgevee en word vir almal geweier; die uitwis van sy laaste lêers het misluk en sal deur die bewaartaak voltooi word.',
    'desk.purge.back': 'Terug na die toue',
    'desk.case.notRecipient':
      'Hierdie verslag is nie aan jou gestuur nie. Net die ontvangers van sy kanaal toe dit ingestuur is, kan dit lees.',
    'desk.case.sealedByServer':
      'Deur die bediener verseël: hierdie verslag is uit ʼn blaaier sonder JavaScript gestuur, daarom het die bediener die inhoud gesien terwyl dit dit verseël het (en die kwitansie gemaak). Hanteer die inhoud asof dit een keer deur die bediener gegaan het.',
    'desk.case.notShared':
      'Hierdie verslag is verseël voordat jy by sy kanaal gevoeg is, so jou sleutels kan dit nog nie oopmaak nie, en geen sleutel wat tot dusver met jou gedeel is, maak dit oop nie. Vra ’n kollega wat dit kan oopmaak om dit met jou te deel.',
    'desk.export.title': 'Saaklêer',
    'desk.export.explain':
      '’n PDF van die hele saak (antwoorde, die tydlyn met boodskappe en notas, en die SHA-256 van elke bewysstuklêer), in hierdie blaaier gemaak. Elke bewysstuklêer word afgelaai en ontsleutel vir sy hash. Die uitvoer word in die ouditlog aangeteken; die PDF word nooit na die bediener gestuur nie. Dit is ’n gewone kopie: hou dit so veilig soos die saak.',
    'desk.export.start': 'Voer saaklêer uit (PDF)',
    'desk.export.evidence': 'Ontsleutel bewysstuk {done} van {total}',
    'desk.export.building': 'Die PDF word gebou',
    'desk.export.ready': 'Saaklêer gereed:',
    'desk.export.save': 'Stoor {name}',
    'desk.export.failed':
      'Die saaklêer kon nie uitgevoer word nie (’n bewysstuklêer is nie ontsleutel nie, of die uitvoer kon nie aangeteken word nie). Niks is gestoor nie.',
    'desk.export.case': 'Saak',
    'desk.export.received': 'Ontvang',
    'desk.export.assignees': 'Toegewysde ondersoekers',
    'desk.export.labels': 'Etikette',
    'desk.export.report': 'Verslag {id}',
    'desk.export.exported': 'Uitgevoer op {date} deur {by}. Vertroulik.',
    'desk.export.timeline': 'Tydlyn (boodskappe en notas ingesluit)',
    'desk.export.deadline': 'Sperdatum',
    'desk.export.file': '{name} · {type} · {size} grepe',
    'desk.export.footer': 'Saak {id} · vertroulik · bladsy {page} van {pages}',
    'desk.export.missing':
      '{count, plural, one {# karakter kon} other {# karakters kon}} nie in hierdie lêer geteken word nie en word as ? gewys: die ingebedde lettertipes dek Latyn, Grieks, Cyrillies en Hebreeus, en Arabiese skrif kan nie hier korrek uitgelê word nie. Die saakbladsy wys die oorspronklike teks.',
    'desk.share.title': 'Kollegas wat hierdie verslag nie kan oopmaak nie',
    'desk.share.many':
      '{count, plural, one {# kollega kan hierdie verslag nog nie oopmaak nie: dit is verseël voordat hulle by die kanaal gevoeg is.} other {# kollegas kan hierdie verslag nog nie oopmaak nie: dit is verseël voordat hulle by die kanaal gevoeg is.}}',
    'desk.share.button': 'Deel die verslag met hulle',
    'desk.share.againTitle': 'Kollegas wat hierdie verslag van iemand anders gekry het',
    'desk.share.again':
      '{count, plural, one {# kollega het} other {# kollegas het}} hierdie verslag se sleutel van ’n ander kollega ontvang. As hulle sê hulle kan dit nie oopmaak nie, deel jou kopie ook: hul blaaier probeer elke gedeelde kopie totdat een die verslag oopmaak.',
    'desk.share.againButton': 'Deel my kopie ook met hulle',
    'desk.share.done': 'Gedeel. Jou kollegas kan die verslag nou oopmaak.',
    'desk.share.refused':
      'Die kanaal se ontvangerslys kon nie geverifieer word nie, daarom is niks gedeel nie. Sê vir jou administrateur.',
    'desk.admin.title': 'Administrasie',
    'desk.admin.investigators': 'Ondersoekers',
    'desk.admin.invite': 'Nooi ’n ondersoeker uit',
    'desk.admin.handle': 'Gebruikersnaam van die nuwe ondersoeker',
    'desk.admin.role': 'Rol',
    'desk.admin.roleAdmin': 'Administrateur',
    'desk.admin.roleInvestigator': 'Ondersoeker',
    'desk.admin.inviteCode': 'Uitnodiging (gee dit privaat aan hulle; word een keer gewys): {code}',
    'desk.admin.channels': 'Kanale',
    'desk.admin.channelName': 'Kanaalnaam',
    'desk.admin.addChannel': 'Voeg kanaal by',
    'desk.admin.recipientsOf': 'Wie ontvang verslae wat aan {name} gestuur word',
    'desk.admin.publishRecipients': 'Onderteken en publiseer die ontvangers',
    'desk.admin.published.done': 'Gepubliseer.',
    'desk.admin.published.conflict':
      'Iemand anders het intussen hierdie kanaal verander. Dit is herlaai: kies weer.',
    'desk.admin.published.no-keys':
      '’n Ondersoeker het nog geen sleutels nie (nie geregistreer nie).',
    'desk.admin.published.failed': 'Publisering het misluk.',
    'desk.admin.published.unproven':
      'Nie onderteken nie: daar is nie bewys dat die sleutels wat die Lessenaar vir ’n ontvanger gegee het, aan hulle behoort nie.',
    'desk.admin.published.unconfirmed':
      'Nog nie onderteken nie: vergelyk elke veiligheidsnommer met sy eienaar en merk dat jy dit gedoen het.',
    'desk.admin.safetyNumberOf': 'Veiligheidsnommer van {handle}:',
    'desk.admin.compared':
      'Ek het die veiligheidsnommer van {handle} per telefoon of persoonlik met hulle vergelyk, en dit stem ooreen',
    'desk.admin.unproven':
      'Waarskuwing: daar is nie bewys dat die sleutels wat die Lessenaar vir {handle} gegee het, aan hulle behoort nie. Moenie hulle byvoeg nie; vra {handle} om weer aan te teken, en sê vir die mense wat hierdie installasie bestuur.',
    'desk.admin.noKeysOf': '{handle} het nog geen sleutels nie (nie geregistreer nie).',
    'desk.admin.published.no-deployment-key':
      'Jy hou nie die installasiesleutel nie. ’n Administrateur wat dit hou, moet dit eers met jou deel.',
    'desk.admin.deploymentKey': 'Installasiesleutel',
    'desk.admin.deploymentKey.lead':
      'Ontvangerslyste word met die installasiesleutel onderteken. Die private helfte daarvan bestaan net verseël aan die administrateurs wat dit hou; fluitjieblasers se blaaiers en die Lessenaar weier enige lys wat dit nie onderteken het nie.',
    'desk.admin.deploymentKey.held': 'Jy hou die installasiesleutel.',
    'desk.admin.deploymentKey.notHeld':
      'Jy hou nie die installasiesleutel nie. ’n Administrateur wat dit hou, kan dit met jou deel.',
    'desk.admin.deploymentKey.share': 'Deel die installasiesleutel met {handle}',
    'desk.admin.deploymentKey.shared': 'Met {handle} gedeel.',
    'desk.admin.deploymentKey.confirmShare': 'Verseël die installasiesleutel aan {handle}',
    'desk.admin.deploymentKey.rotate': 'Vervang die installasiesleutel',
    'desk.admin.deploymentKey.rotated':
      'Die installasiesleutel is vervang. Deel die nuwe sleutel met die ander administrateurs wat dit moet hou.',
    'desk.admin.deploymentKey.failed':
      'Dit het nie gewerk nie. Herlaai die bladsy en probeer weer.',
    'desk.admin.deploymentKey.unproven':
      'Nie gedeel nie: daar is nie bewys dat die sleutels wat die Lessenaar vir hierdie administrateur gegee het, aan hulle behoort nie. Sê vir die mense wat hierdie Lessenaar bestuur.',
    'desk.admin.questionnaire': 'Vraelys (een vraag per reël; eindig met * as dit verpligtend is)',
    'desk.admin.resetTotp': 'Stel die verifikasie-toep van {handle} terug',
    'desk.admin.resetCode':
      'Terugstelkode vir {handle} (gee dit privaat aan hulle; word een keer gewys; hulle voer dit in by /desk/totp-reset): {code}',
    'desk.admin.hashes': 'Publiseer hierdie hashes',
    'desk.admin.hashesLead':
      'Die bladsye wat hierdie installasie bedien, lêer vir lêer. Publiseer hierdie lys en die installasiesleutel waar fluitjieblasers en joernaliste kyk: enigiemand kan dan kontroleer dat die installasie presies hierdie lêers bedien (npm run verify met sy adres).',
    'desk.admin.hashesKey': 'Installasiesleutel ingebou in die bladsye',
    'desk.admin.hashesUnpinned':
      'Geen: hierdie bladsye vertrou enige sleutel wat die bediener aankondig. Die bediener bou hulle weer met die sleutel sodra die opstelling klaar is.',
    'desk.admin.hashesCommit': 'Gebou van commit',
    'desk.admin.hashesDirty':
      '(met veranderinge wat nie gecommit is nie: niemand kan dit herbou nie)',
    'desk.admin.hashesFiles':
      'SHA-256 van elk van die {count, plural, one {# lêer} other {# lêers}} (sha256sum-formaat)',
    'desk.admin.hashesServed':
      'Dieselfde lys, met die sleutel en die commit, word as /manifest.json deur hierdie Lessenaar en deur die openbare webwerf bedien.',
    'desk.admin.hashesMissing':
      'Hierdie bou het geen manifest.json nie: bou dit weer met npm run build.',
    'desk.admin.audit': 'Ouditlog',
    'desk.admin.auditWhen': 'Wanneer',
    'desk.admin.auditWho': 'Wie',
    'desk.audit.actor.whistleblower': 'Die fluitjieblaser',
    'desk.audit.actor.unauthenticated': 'Iemand wat nie aangeteken is nie',
    'desk.audit.actor.system': 'Die stelsel (outomaties)',
    'desk.audit.actor.operator': 'Die bedieneroperateur',
    'desk.audit.actor.unknown': '’n Rekening wat nie meer gelys word nie',
    'desk.admin.auditWhat': 'Wat het gebeur',
    'desk.admin.auditRecord': 'Rekord',
    'app.pageTitle': '{page} · {app}',
    'app.language': 'Taal',
    'app.communityDraft':
      'Gemeenskapskonsep: hierdie vertaling is nog nie deur ’n hersiener goedgekeur nie. ’n Sin wat nog nie vertaal is nie, word in Engels gewys, met ’n stippellyn onderstreep.',
    'case.messageBy': '{who} · {date}',
    'desk.brand': '{app} · {desk}',
    'desk.case.statusLine': 'Status: {status} · Ontvang op {received}',
    'desk.case.outcomeLine': 'Uitslag: {outcome}',
    'desk.case.entryAt': '{date} · {what}',
    'desk.case.entry': '{date} · {what} · {who}',
  },
} satisfies Locale;
