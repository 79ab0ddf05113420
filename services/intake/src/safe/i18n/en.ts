/**
 * The no-JavaScript pages in English: the reference every other language translates key by key.
 * `{name}` marks a value filled in (escaped). Keys ending in `Html` hold a little markup of ours
 * (strong, em, a link to the start page) and are never filled with anything from a request.
 */
export const en = {
  language: 'Language',
  channelsTitle: 'Report without JavaScript',
  channelsHeading: 'Report wrongdoing without JavaScript',
  channelsChoose: 'Choose the organisation to report to',
  channelsNone: 'No organisation takes reports at the moment.',
  returnLink: 'I have a receipt: return to my report',
  required: 'required',
  optional: 'optional',
  yes: 'Yes',
  no: 'No',
  reportTitle: 'Report to {name}',
  reportFiles: 'Files (optional: at most {files}, {mib} MiB together)',
  reportSend: 'Lock and send the report',
  reportAnother: 'Choose another organisation',
  receiptTitle: 'Your receipt',
  receiptHeading: 'Your report was received',
  receiptFiles: 'Files locked with it: {count}.',
  receiptKeep:
    'Write down this receipt, or keep it somewhere only you can reach. With it you can come back, read the organisation’s questions and answer them. It is shown only once: nobody can give it to you again.',
  receiptFilesFailed:
    'Files that could not be stored: {count}. The report itself was stored. You can send them with JavaScript on, returning with this receipt.',
  receiptShare: 'Anyone who has the receipt can read your report: do not share it.',
  returnTitle: 'Return with your receipt',
  returnHeading: 'Return to your report',
  formReply: 'Your answer',
  formReceipt: 'Your receipt',
  formReceiptAgain: 'Your receipt (again: the server keeps no key between pages)',
  formSendReply: 'Lock and send the answer',
  formOpen: 'Open my report',
  caseTitle: 'Your report',
  caseYou: 'You',
  caseInvestigator: 'Investigator',
  caseUnverified: 'A message that could not be verified',
  caseStatus: 'Status:',
  caseReceived: '(received {date})',
  caseReplied: 'Your answer was locked and sent.',
  caseMessages: 'Messages',
  caseNoMessages: 'No messages yet. Come back later.',
  caseAnswer: 'Answer',
  caseClosed: 'This case is closed and takes no answers.',
  caseLeave: 'Leave',
  statusSubmitted: 'Received',
  statusAcknowledged: 'Acknowledged',
  statusInReview: 'Being assessed',
  statusInvestigating: 'Under investigation',
  statusClosed: 'Closed',
  errorTitle: 'Not sent',
  errorHeading: 'Nothing was sent',
  errorNothingSaved:
    'Nothing was saved. Your browser’s Back button returns to the form with what you typed.',
  errorStart: 'Start page without JavaScript',
  errorFormRefused:
    'The form has expired or did not come from this site. Go back, reload the page and send it again.',
  errorAnswersMissing: 'A required question has no answer.',
  errorInvalid: 'The form does not have the expected content.',
  errorUnknownChannel: 'There is no such organisation.',
  errorNotFound: 'This page does not exist.',
  errorRateLimited: 'Too many requests. Please wait and try again.',
  errorBusy: 'The service is busy. Please try again.',
  errorRecipients:
    'This organisation’s list of recipients could not be verified, so nothing was sealed to it.',
  errorReceipt: 'The receipt could not be verified.',
  errorClosed: 'This case is closed and takes no answers.',
  errorTooLarge: 'The form is too large: attach fewer or smaller files.',
  errorStorage:
    'The server cannot save anything at the moment and did not save this. Please try again later.',
  errorOther: 'Something went wrong. Please try again.',
  promiseHeading: 'Before you write: what this page can and cannot promise',
  promiseServerHtml:
    'Your browser runs no JavaScript, so it cannot lock your report itself. On this page, <strong>the server sees what you write and the files you attach while it locks them</strong>, for the moment it takes, and then keeps only the locked copy that only the organisation’s investigators can open. This is how SecureDrop and GlobaLeaks work. Whoever controls the server at that moment could read it.',
  promiseStrongerHtml:
    'With JavaScript on, your report is locked in your own browser and the server never sees it. To use that: in Tor Browser, open the shield icon, choose <em>Settings</em>, set the security level to <em>Safer</em>, and open <a href="/">the start page</a> again.',
  promiseFiles:
    'Files are sent as they are: photos and documents can carry your name, your device or a location. Remove what you can before you attach them.',
  caseReferralTitle: 'Another organisation',
  caseReferralUnknown: 'an organisation not listed here',
  caseReferralProposed:
    'On {date} the investigators proposed to pass your report to {organisation}. Nothing is shared with them unless you agree.',
  caseReferralAccepted: 'Your report was passed to {organisation} with your agreement.',
  caseReferralInformed:
    'Your report was passed to {organisation}: the organisation you reported to must forward it by law.',
  caseReferralDeclined:
    'You declined to pass your report to {organisation}. Nothing was shared with them.',
  caseReferralReason: 'Their reason:',
  caseReferralUnverified:
    'This proposal could not be verified, so its reason is not shown and it cannot be answered here.',
  caseReferralChoice:
    'If you agree, {organisation} can read your report and your messages, and work on it with its own deadlines.',
  caseReferralAccept: 'Agree: pass it on',
  caseReferralDecline: 'Decline: keep it here',
};

export type SafeMessages = typeof en;
