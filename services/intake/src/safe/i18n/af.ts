import type { SafeMessages } from './en.ts';

/**
 * Afrikaans: wording as in the pages' catalogue (verslag, ontvangsbewys, sluit). Tor Browser has
 * no Afrikaans interface, so its menu names stay in English here.
 */
export const af: SafeMessages = {
  language: 'Taal',
  channelsTitle: 'Rapporteer sonder JavaScript',
  channelsHeading: 'Rapporteer wangedrag sonder JavaScript',
  channelsChoose: 'Kies die organisasie om aan te rapporteer',
  channelsNone: 'Geen organisasie neem tans verslae aan nie.',
  returnLink: 'Ek het ’n ontvangsbewys: terug na my verslag',
  required: 'verpligtend',
  optional: 'opsioneel',
  yes: 'Ja',
  no: 'Nee',
  reportTitle: 'Verslag aan {name}',
  reportFiles: 'Lêers (opsioneel: hoogstens {files}, saam {mib} MiB)',
  reportSend: 'Sluit en stuur die verslag',
  reportAnother: 'Kies ’n ander organisasie',
  receiptTitle: 'Jou ontvangsbewys',
  receiptHeading: 'Jou verslag is ontvang',
  receiptFiles: 'Lêers saam daarmee gesluit: {count}.',
  receiptKeep:
    'Skryf hierdie ontvangsbewys neer, of bêre dit op ’n plek wat net jy kan bereik. Daarmee kan jy terugkom, die organisasie se vrae lees en hulle beantwoord. Dit word net een keer gewys: niemand kan dit weer vir jou gee nie.',
  receiptFilesFailed:
    'Lêers wat nie gestoor kon word nie: {count}. Die verslag self is gestoor. Jy kan hulle met JavaScript aan stuur wanneer jy met hierdie ontvangsbewys terugkeer.',
  receiptShare:
    'Enigiemand wat die ontvangsbewys het, kan jou verslag lees: moet dit met niemand deel nie.',
  returnTitle: 'Keer terug met jou ontvangsbewys',
  returnHeading: 'Terug na jou verslag',
  formReply: 'Jou antwoord',
  formReceipt: 'Jou ontvangsbewys',
  formReceiptAgain: 'Jou ontvangsbewys (weer: die bediener hou geen sleutel tussen bladsye nie)',
  formSendReply: 'Sluit en stuur die antwoord',
  formOpen: 'Maak my verslag oop',
  caseTitle: 'Jou verslag',
  caseYou: 'Jy',
  caseInvestigator: 'Ondersoeker',
  caseUnverified: '’n Boodskap wat nie geverifieer kon word nie',
  caseStatus: 'Stand:',
  caseReceived: '(ontvang op {date})',
  caseReplied: 'Jou antwoord is gesluit en gestuur.',
  caseMessages: 'Boodskappe',
  caseNoMessages: 'Nog geen boodskappe nie. Kom later terug.',
  caseAnswer: 'Antwoord',
  caseClosed: 'Hierdie saak is gesluit en neem geen antwoorde meer aan nie.',
  caseLeave: 'Verlaat',
  statusSubmitted: 'Ontvang',
  statusAcknowledged: 'Ontvangs erken',
  statusInReview: 'Word beoordeel',
  statusInvestigating: 'Word ondersoek',
  statusClosed: 'Gesluit',
  errorTitle: 'Nie gestuur nie',
  errorHeading: 'Niks is gestuur nie',
  errorNothingSaved:
    'Niks is gestoor nie. Jou blaaier se Terug-knoppie neem jou terug na die vorm met wat jy getik het.',
  errorStart: 'Beginbladsy sonder JavaScript',
  errorFormRefused:
    'Die vorm het verval of kom nie van hierdie webwerf nie. Gaan terug, laai die bladsy weer en stuur dit weer.',
  errorAnswersMissing: '’n Verpligte vraag het geen antwoord nie.',
  errorInvalid: 'Die vorm het nie die verwagte inhoud nie.',
  errorUnknownChannel: 'Daar is nie so ’n organisasie nie.',
  errorNotFound: 'Hierdie bladsy bestaan nie.',
  errorRateLimited: 'Te veel versoeke. Wag asseblief en probeer weer.',
  errorBusy: 'Die diens is besig. Probeer asseblief weer.',
  errorRecipients:
    'Hierdie organisasie se lys ontvangers kon nie geverifieer word nie, daarom is niks daarvoor gesluit nie.',
  errorReceipt: 'Die ontvangsbewys kon nie geverifieer word nie.',
  errorClosed: 'Hierdie saak is gesluit en neem geen antwoorde meer aan nie.',
  errorTooLarge: 'Die vorm is te groot: heg minder of kleiner lêers aan.',
  errorStorage:
    'Die bediener kan tans niks stoor nie en het dit nie gestoor nie. Probeer asseblief later weer.',
  errorOther: 'Iets het skeefgeloop. Probeer asseblief weer.',
  promiseHeading: 'Voordat jy skryf: wat hierdie bladsy kan en nie kan belowe nie',
  promiseServerHtml:
    'Jou blaaier voer geen JavaScript uit nie, daarom kan dit jou verslag nie self sluit nie. Op hierdie bladsy <strong>sien die bediener wat jy skryf en die lêers wat jy aanheg terwyl dit hulle sluit</strong>, vir die oomblik wat dit duur, en hou daarna net die geslote kopie wat net die organisasie se ondersoekers kan oopmaak. So werk SecureDrop en GlobaLeaks ook. Wie die bediener op daardie oomblik beheer, kan dit lees.',
  promiseStrongerHtml:
    'Met JavaScript aan word jou verslag in jou eie blaaier gesluit en sien die bediener dit nooit nie. Om dit te gebruik: maak in Tor Browser die skild-ikoon oop, kies <em>Settings</em>, stel die sekuriteitsvlak op <em>Safer</em>, en maak <a href="/">die beginbladsy</a> weer oop.',
  promiseFiles:
    'Lêers word gestuur soos hulle is: foto’s en dokumente kan jou naam, jou toestel of ’n ligging bevat. Verwyder wat jy kan voordat jy hulle aanheg.',
  caseReferralTitle: '’n Ander organisasie',
  caseReferralUnknown: '’n organisasie wat nie hier gelys is nie',
  caseReferralProposed:
    'Op {date} het die ondersoekers voorgestel om u verslag aan {organisation} oor te gee. Niks word met hulle gedeel tensy u instem nie.',
  caseReferralAccepted: 'U verslag is met u instemming aan {organisation} oorgegee.',
  caseReferralInformed:
    'U verslag is aan {organisation} oorgegee: die organisasie waaraan u gerapporteer het, moet dit volgens wet aanstuur.',
  caseReferralDeclined:
    'U het geweier om u verslag aan {organisation} oor te gee. Niks is met hulle gedeel nie.',
  caseReferralReason: 'Hulle rede:',
  caseReferralUnverified:
    'Hierdie voorstel kon nie geverifieer word nie, dus word die rede nie gewys nie en kan dit nie hier beantwoord word nie.',
  caseReferralChoice:
    'As u instem, kan {organisation} u verslag en u boodskappe lees en dit met sy eie sperdatums hanteer.',
  caseReferralAccept: 'Stem in: gee dit oor',
  caseReferralDecline: 'Weier: hou dit hier',
};
