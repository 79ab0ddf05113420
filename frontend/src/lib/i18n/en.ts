// The English message catalogue. Every string a person sees comes from here, so a translation
// (Oshiwambo, Otjiherero, Afrikaans, ...) is one more file of the same shape.
// Placeholders are written {name} and filled by t().

export const en = {
  'app.name': 'Integrity Desk',
  'app.skip': 'Skip to main content',
  'app.demo': 'Demonstration deployment: do not submit real reports here.',
  'app.unpinned':
    'This copy of the site does not pin the deployment’s key, so it cannot tell the real recipients’ keys from keys the server substitutes. Do not send a report until its administrator has finished setting it up.',
  'app.loading': 'Loading…',
  'app.error': 'Something went wrong. Please try again.',
  'app.offline': 'The server could not be reached. Check your connection and try again.',
  'app.back': 'Back',
  'app.next': 'Next',
  'app.cancel': 'Cancel',
  'app.required': 'required',
  'app.optional': 'optional',
  'app.sessionLost':
    'This page keeps your report only in memory. It was reloaded or opened directly, so please start again.',

  'nav.home': 'Home',
  'nav.report': 'Make a report',
  'nav.return': 'I have a receipt',
  'nav.main': 'Main',

  'landing.title': 'Report wrongdoing safely',
  'landing.lead':
    'Integrity Desk lets you tell trusted organisations about corruption, fraud or abuse of power without telling anyone who you are.',
  'landing.who.title': 'Who receives your report',
  'landing.who.body':
    'You choose one recipient organisation, such as a civil-society group, a union, a newsroom or an oversight body. Only that organisation’s investigators can read what you write. The people who run this website cannot.',
  'landing.safety.title': 'Before you start: stay safe',
  'landing.safety.tor':
    'Use Tor Browser if you can. It hides where you are connecting from. You can download it from torproject.org.',
  'landing.safety.device':
    'Use a phone or computer that your employer does not own or manage, on a network they do not control: not the office Wi-Fi, not a work laptop.',
  'landing.safety.work':
    'Do not report from work, and do not tell colleagues that you are reporting.',
  'landing.safety.details':
    'Think about what you write: details that only a few people know can point to you. Leave them out unless they are needed.',
  'landing.safety.files':
    'Files can carry hidden information such as the author’s name or where a photo was taken. Photos are cleaned in your browser before they are sent; other documents are not.',
  'landing.how.title': 'How your anonymity is protected',
  'landing.how.body1':
    'Your report is locked (encrypted) in this browser before it leaves your device. The server stores only the locked version and does not record your internet address.',
  'landing.how.body2':
    'When you finish, you get a receipt code. It is the only key to your report: with it you can come back, read questions from the investigators and answer them. Nobody can recover a lost receipt, not even us.',
  'landing.limits.title': 'What this cannot protect you from',
  'landing.limits.body':
    'No website can hide you if your device is watched, if someone sees your screen, or if what you write identifies you. Your internet provider or employer can see that you visited this site unless you use Tor Browser.',
  'landing.start': 'Make a report',
  'landing.return': 'Check a report with your receipt',

  'channel.title': 'Choose who should receive your report',
  'channel.lead': 'Pick the organisation you trust to look into this. Only they can read it.',
  'channel.none': 'No organisation is accepting reports at the moment.',
  'channel.choose': 'Choose {name}',

  'questions.title': 'Tell us what happened',
  'questions.step': 'Question {n} of {total}',
  'questions.missing': 'Please answer this question: it is required.',
  'questions.yes': 'Yes',
  'questions.no': 'No',
  'questions.memory':
    'Your answers stay only in this browser tab until you submit. Closing the tab deletes them.',

  'evidence.title': 'Add evidence (optional)',
  'evidence.lead':
    'You can attach photos and documents. Photos are cleaned here, in your browser, before they are sent.',
  'evidence.add': 'Choose files',
  'evidence.none': 'No files added.',
  'evidence.remove': 'Remove {name}',
  'evidence.cleaned': 'Cleaned: {removed}',
  'evidence.cleanedNothing': 'Re-encoded; no hidden information found.',
  'evidence.cleanFailed': 'This picture could not be cleaned, so it was not added.',
  'evidence.warnDocument':
    'Warning: {name} is a document that may contain the author’s name, the organisation, the computer it was made on, or earlier versions of the text. It is not cleaned. Only continue if that is safe for you.',
  'evidence.keepDocument': 'Attach it anyway',
  'evidence.dropDocument': 'Do not attach it',
  'evidence.removed.exif': 'camera and editing information (EXIF)',
  'evidence.removed.gps': 'location (GPS)',
  'evidence.removed.xmp': 'XMP metadata',
  'evidence.removed.iptc': 'IPTC metadata',
  'evidence.removed.comment': 'comments',
  'evidence.removed.icc': 'colour profile',
  'evidence.removed.text': 'text chunks',
  'evidence.size': '{size}',

  'review.title': 'Check your report',
  'review.lead': 'This is what will be locked and sent to {name}.',
  'review.channel': 'Recipient',
  'review.answers': 'Your answers',
  'review.files': 'Files',
  'review.empty': '(not answered)',
  'review.submit': 'Lock and send',
  'review.edit': 'Change answers',

  'submit.title': 'Sending your report',
  'submit.work': 'Proving this is not an automated attack (this may take a minute)',
  'submit.keys': 'Making your receipt',
  'submit.encrypt': 'Locking your report',
  'submit.upload': 'Sending',
  'submit.done': 'Sent',
  'submit.retrying': 'The connection dropped. Trying again in a moment; what was sent is kept.',
  'submit.failed': 'Sending failed. Your report is still in this tab.',
  'submit.recipientsChanged':
    'The organisation changed who receives its reports while you were writing. Your report is being locked again for the current recipients.',
  'submit.recipientsFailed':
    'The organisation changed who receives its reports, and the new list could not be checked. Nothing was sent. Try again in a few minutes; your report stays in this tab until you close it.',
  'submit.retry': 'Try again',
  'submit.progress': '{label}: {percent}%',

  'receipt.title': 'Your receipt',
  'receipt.lead':
    'Write this receipt down and keep it somewhere safe and private. It is the only way back to your report. It will not be shown again, and nobody can recover it.',
  'receipt.copy': 'Copy',
  'receipt.copied': 'Copied. Clear your clipboard after you have stored it.',
  'receipt.confirm': 'Type the receipt here to check that you noted it correctly',
  'receipt.mismatch': 'That does not match. Check what you noted and try again.',
  'receipt.confirmed': 'Correct. You can now leave this page.',
  'receipt.check': 'Check',
  'receipt.finish': 'Finish',
  'receipt.hearBack': 'The organisation should acknowledge your report by {date}.',

  'return.title': 'Check your report',
  'return.lead': 'Enter the receipt you were given when you sent your report.',
  'return.label': 'Receipt',
  'return.open': 'Open my report',
  'return.deriving': 'Unlocking with your receipt. This can take up to a minute on a slow phone.',
  'return.invalid': 'That receipt is not valid. Check each group of characters.',
  'return.unknown': 'No report matches this receipt.',
  'returnRefused.title': 'Stop: do not send anything more through this site',
  'returnRefused.lead':
    'Your browser checked what the server sent back against your receipt, and it does not match the report you sent. Someone may have tampered with this site, so nothing more was sent and your report is not shown.',
  'returnRefused.noMore':
    'Do not send replies, files or anything else through this site until the organisation that runs it tells you, by another way you trust, that it is safe again.',
  'returnRefused.keepReceipt':
    'Keep your receipt safe and secret: it is still the only way back to your report, and nobody can reset it.',
  'returnRefused.close': 'You can close this tab now. Nothing of your receipt is kept in it.',

  'case.title': 'Your report',
  'case.outcome': 'Outcome',
  'case.status': 'Status',
  'case.submitted': 'Sent on {date}',
  'case.ackBy': 'You should receive an acknowledgement by {date}.',
  'case.feedbackBy': 'You will hear back about what is being done by {date}.',
  'case.timeline': 'What has happened',
  'case.messages': 'Messages',
  'case.noMessages': 'No messages yet.',
  'case.fromYou': 'You',
  'case.fromDesk': 'Investigator',
  'case.reply': 'Your reply',
  'case.send': 'Send reply',
  'case.sent': 'Reply sent.',
  'case.addEvidence': 'Add more evidence',
  'case.uploadEvidence': 'Send files',
  'case.evidenceSent': 'Files sent.',
  'case.logout': 'Log out',
  'case.refresh': 'Check for updates',
  'case.loggedOut': 'You have logged out. Close this tab when you are done.',
  'case.unverified': 'Unverified message, not shown',
  'case.unverifiedDetail':
    'This message failed its integrity check, so neither its text nor who wrote it is shown. Someone who controls the server may have forged, altered or repeated it. The other messages are verified.',
  'case.missingBefore':
    '{count} earlier message(s) from this author are missing here: the server did not hand them over.',

  'status.submitted': 'Received',
  'status.acknowledged': 'Acknowledged',
  'status.in_review': 'Being assessed',
  'status.investigating': 'Under investigation',
  'status.closed': 'Closed',
  'status.purged': 'Deleted',

  'outcome.substantiated': 'The report was found to be true',
  'outcome.unsubstantiated': 'The report could not be confirmed',
  'outcome.no_action_possible': 'No action was possible',
  'outcome.referred_elsewhere': 'Referred to another body',

  'timeline.ReportSubmitted': 'Report sent',
  'timeline.ReportAcknowledged': 'Report acknowledged',
  'timeline.ReportTriaged': 'Report assessed',
  'timeline.ReportAssigned': 'Investigator assigned',
  'timeline.ReportStatusChanged': 'Status changed',
  'timeline.MessagePosted': 'Message',
  'timeline.EvidenceAdded': 'Evidence added',
  'timeline.ReportReferred': 'Referred',
  'timeline.ReportClosed': 'Case closed',
  'timeline.other': 'Update',
  'timeline.withDetail': '{what}: {detail}',

  'desk.nav': 'Desk',
  'desk.queues': 'Queues',
  'desk.admin': 'Administration',
  'desk.logout': 'Sign out',
  'desk.setup.title': 'Set up this deployment',
  'desk.setup.lead':
    'This is the first start. Create the first administrator account. Its keys are made in this browser; its signing key becomes the deployment key that signs every recipient list.',
  'desk.setup.token': 'Setup token (printed by the server at first start)',
  'desk.setup.submit': 'Set up',
  'desk.enrol.title': 'Enrol as an investigator',
  'desk.enrol.invite': 'Invitation (from your administrator)',
  'desk.enrol.email': 'Username',
  'desk.enrol.password': 'Password (at least 12 characters)',
  'desk.enrol.passwordShort': 'Use at least 12 characters.',
  'desk.enrol.submit': 'Create my keys',
  'desk.enrol.totp':
    'Scan this code with an authenticator app, then enter the six-digit code it shows.',
  'desk.enrol.totpSecret': 'Or type this secret: {secret}',
  'desk.enrol.qrAlt': 'QR code for your authenticator app',
  'desk.enrol.code': 'Six-digit code',
  'desk.enrol.confirm': 'Confirm',
  'desk.enrol.recovery':
    'Your recovery key. Print it or write it down and keep it offline. It is shown once; it unlocks your keys if you forget your password.',
  'desk.enrol.done': 'Enrolment complete. You can sign in now.',
  'desk.login.title': 'Investigator sign-in',
  'desk.login.user': 'Username',
  'desk.login.password': 'Password',
  'desk.login.totp': 'Authenticator code',
  'desk.login.submit': 'Sign in',
  'desk.login.failed': 'Sign-in failed. Check your details and try again.',
  'desk.login.busy': 'Too many sign-ins are being checked right now. Please try again in a moment.',
  'desk.password.nav': 'Password',
  'desk.account.nav': 'Account',
  'desk.account.title': 'Your account',
  'desk.account.safetyNumber': 'Your safety number',
  'desk.account.safetyLead':
    'This number is computed in this browser from the keys your vault holds. It changes if anyone, the server included, puts other keys in your place.',
  'desk.account.safetyHow':
    'Before adding you to a channel, an administrator must compare it with you by phone or in person: read it to them group by group. Never compare it by e-mail or through the desk.',
  'desk.keyAlarm.title': 'Warning: your keys were replaced in a recipient list',
  'desk.keyAlarm.lead':
    'This browser checked the signed recipient lists of the desk against the keys in your vault and found a problem. Reports to these channels may be readable by someone else.',
  'desk.keyAlarm.keys-differ':
    'Channel {channel}, list version {version}: it names you with keys that are not yours.',
  'desk.keyAlarm.signature-invalid':
    'Channel {channel}, list version {version}: its signature does not verify against the deployment key.',
  'desk.keyAlarm.todo':
    'The alarm is recorded in the audit log. Tell an administrator by phone or in person, not through the desk, and do not open or share reports until it is explained.',
  'desk.password.title': 'Change your password',
  'desk.password.lead':
    'Your keys stay the same: your browser puts them in a new vault under the new password. You get a new recovery key; the old one stops working for the new vault.',
  'desk.password.current': 'Current password',
  'desk.password.new': 'New password (at least 12 characters)',
  'desk.password.repeat': 'New password again',
  'desk.password.submit': 'Change password',
  'desk.password.done': 'Password changed. Your other sessions have been signed out.',
  'desk.password.recovery':
    'Your new recovery key. Print it or write it down and keep it safe; it is shown only now:',
  'desk.password.problem.short': 'Use at least 12 characters.',
  'desk.password.problem.mismatch': 'The two new passwords differ.',
  'desk.password.problem.current': 'The current password is not correct.',
  'desk.password.problem.throttled': 'Too many attempts. Please wait and try again.',
  'desk.password.problem.failed': 'The password could not be changed. Please try again.',
  'desk.totpReset.title': 'Set up a new authenticator',
  'desk.totpReset.lead':
    'Your administrator reset your authenticator. Enter the reset code they gave you, your username and your password.',
  'desk.totpReset.code': 'Reset code (from your administrator)',
  'desk.totpReset.submit': 'Continue',
  'desk.totpReset.done': 'Your new authenticator is set up. You can sign in now.',
  'desk.totpReset.problem.refused': 'The reset code or the password is not correct.',
  'desk.totpReset.problem.throttled': 'Too many attempts. Please wait and try again.',
  'desk.totpReset.problem.failed': 'Something went wrong. Please try again.',
  'desk.unlock.title': 'Unlock your keys',
  'desk.unlock.lead':
    'Your private keys are locked with your password. They are unlocked in this browser only.',
  'desk.unlock.submit': 'Unlock',
  'desk.unlock.working': 'Unlocking…',
  'desk.unlock.failed': 'Wrong password.',
  'desk.queue.title': 'Queues',
  'desk.queue.empty': 'No cases in this queue.',
  'desk.queue.refresh': 'Refresh',
  'desk.queue.inbox': 'Inbox',
  'desk.queue.needs_triage': 'Needs triage',
  'desk.queue.mine': 'Assigned to me',
  'desk.queue.awaiting_whistleblower': 'Awaiting the whistleblower',
  'desk.queue.feedback_due_soon': 'Feedback due soon',
  'desk.queue.feedback_overdue': 'Feedback overdue',
  'desk.queue.closed': 'Closed',
  'desk.queue.open': 'Queue',
  'desk.queue.count': '{name} ({count})',
  'desk.queue.case': 'Case {id}',
  'desk.queue.received': 'Received {date}',
  'desk.case.title': 'Case {id}',
  'desk.case.answers': 'Answers',
  'desk.case.fromWhistleblower': 'Whistleblower',
  'desk.case.evidence': 'Evidence',
  'desk.case.download': 'Decrypt and save {name}',
  'desk.case.downloading': 'Decrypting {name}: {percent}%',
  'desk.case.messages': 'Messages with the whistleblower',
  'desk.case.notes': 'Internal notes',
  'desk.case.timeline': 'Deadlines and assessment',
  'desk.case.ackDue': 'Acknowledge by {date}',
  'desk.case.feedbackDue': 'Feedback due by {date}',
  'desk.case.triaged': 'Priority {priority}, sector {sector}',
  'desk.case.assignees': 'Assigned investigators: {count}',
  'desk.case.ack': 'Acknowledge',
  'desk.case.ackTemplate':
    'Thank you for your report. We have received it and will assess it. We will contact you here if we have questions.',
  'desk.case.triage': 'Triage',
  'desk.case.priority': 'Priority',
  'desk.case.sector': 'Sector',
  'desk.case.assign': 'Assign',
  'desk.case.assignee': 'Investigator',
  'desk.case.status': 'Change status',
  'desk.case.message': 'Message to the whistleblower',
  'desk.case.send': 'Send',
  'desk.case.note': 'Internal note (never shown to the whistleblower)',
  'desk.case.addNote': 'Add note',
  'desk.case.close': 'Close case',
  'desk.case.outcome': 'Outcome (shown to the whistleblower)',
  'desk.case.conflict':
    'Someone else changed this case while you were working on it. It has been reloaded: check the latest state and try again.',
  'desk.case.done': 'Done.',
  'desk.purge.title': 'Purge this report',
  'desk.purge.explain':
    'The retention period of a closed case can end early: purging destroys the report for good. Nobody can undo it.',
  'desk.purge.open': 'Purge report…',
  'desk.purge.confirmTitle': 'Purge report {id} permanently?',
  'desk.purge.destroys': 'This destroys, on this server:',
  'desk.purge.destroyAnswers':
    'the answers, the messages with the whistleblower and the internal notes',
  'desk.purge.destroyEvidence': 'the evidence files ({count})',
  'desk.purge.destroyQueue':
    'the case in every queue, its deadlines, triage and assignments, and its entries in the audit log',
  'desk.purge.destroyReceipt':
    'the link to the receipt: the whistleblower’s receipt will then be answered like one that never existed',
  'desk.purge.keeps':
    'Only a record stays: that report {id} was purged, by you, and when. Backups made before now and copies already downloaded are not reached.',
  'desk.purge.typeId': 'Type {id} to confirm',
  'desk.purge.mismatch': 'Type the 8 characters {id} exactly.',
  'desk.purge.confirm': 'Purge permanently',
  'desk.purge.cancel': 'Cancel',
  'desk.purge.done': 'Report {id} was purged. Only the record of its purge remains.',
  'desk.purge.pending':
    'Report {id} is purged and refused to everyone; erasing its last files failed and will be finished by the retention job.',
  'desk.purge.back': 'Back to the queues',
  'desk.case.notRecipient':
    'This report was not sent to you. Only the recipients of its channel when it was submitted can read it.',
  'desk.case.notShared':
    'This report was sealed before you were added to its channel, so your keys cannot open it yet, and no key shared with you so far opens it. Ask a colleague who can open it to share it with you.',
  'desk.export.title': 'Case file',
  'desk.export.explain':
    'A PDF of the whole case (answers, timeline, messages, notes, and the SHA-256 of each evidence file), made in this browser. Every evidence file is downloaded and decrypted for its hash. The export is recorded in the audit log; the PDF is never sent to the server. It is a plain copy: keep it as safe as the case.',
  'desk.export.start': 'Export case file (PDF)',
  'desk.export.evidence': 'Decrypting evidence {done} of {total}',
  'desk.export.building': 'Building the PDF',
  'desk.export.ready': 'Case file ready:',
  'desk.export.save': 'Save {name}',
  'desk.export.failed':
    'The case file could not be exported (an evidence file did not decrypt, or the export could not be recorded). Nothing was saved.',
  'desk.export.case': 'Case',
  'desk.export.received': 'Received',
  'desk.export.assignees': 'Assigned investigators',
  'desk.export.report': 'Report {id}',
  'desk.export.exported': 'Exported on {date} by {by}. Confidential.',
  'desk.export.timeline': 'Timeline',
  'desk.export.timeline.received': 'Report received',
  'desk.export.timeline.acknowledged': 'Report acknowledged',
  'desk.export.timeline.message': 'Message from {from}',
  'desk.export.timeline.evidence': 'Evidence added',
  'desk.export.timeline.note': 'Internal note added',
  'desk.export.file': '{name} · {type} · {size} bytes',
  'desk.export.footer': 'Case {id} · confidential · page {page} of {pages}',
  'desk.export.missing':
    '{count} characters could not be drawn in this file and show as ?: the embedded fonts cover Latin, Greek, Cyrillic and Hebrew, and Arabic script cannot be laid out correctly here. The case page shows the original text.',
  'desk.share.title': 'Colleagues who cannot open this report',
  'desk.share.one':
    '1 colleague cannot open this report yet: it was sealed before they were added to the channel.',
  'desk.share.many':
    '{count} colleagues cannot open this report yet: it was sealed before they were added to the channel.',
  'desk.share.button': 'Share the report with them',
  'desk.share.againTitle': 'Colleagues who got this report from someone else',
  'desk.share.again':
    '{count} colleague(s) received this report’s key from another colleague. If they say they cannot open it, share your copy too: their browser tries every share until one opens the report.',
  'desk.share.againButton': 'Share my copy with them too',
  'desk.share.done': 'Shared. Your colleagues can open the report now.',
  'desk.share.refused':
    'The channel’s recipient list could not be verified, so nothing was shared. Tell your administrator.',
  'desk.admin.title': 'Administration',
  'desk.admin.investigators': 'Investigators',
  'desk.admin.invite': 'Invite an investigator',
  'desk.admin.handle': 'Username of the new investigator',
  'desk.admin.role': 'Role',
  'desk.admin.roleAdmin': 'Administrator',
  'desk.admin.roleInvestigator': 'Investigator',
  'desk.admin.inviteCode': 'Invitation (give it to them privately; shown once): {code}',
  'desk.admin.channels': 'Channels',
  'desk.admin.channelName': 'Channel name',
  'desk.admin.addChannel': 'Add channel',
  'desk.admin.recipientsOf': 'Who receives reports sent to {name}',
  'desk.admin.publishRecipients': 'Sign and publish the recipients',
  'desk.admin.published.done': 'Published.',
  'desk.admin.published.conflict':
    'Someone else changed this channel meanwhile. It has been reloaded: choose again.',
  'desk.admin.published.no-keys': 'An investigator has no keys yet (not enrolled).',
  'desk.admin.published.failed': 'Publishing failed.',
  'desk.admin.published.unproven':
    'Not signed: the keys the desk gave for a recipient are not proven to be theirs.',
  'desk.admin.published.unconfirmed':
    'Not signed yet: compare each safety number with its owner and tick that you did.',
  'desk.admin.safetyNumberOf': 'Safety number of {handle}:',
  'desk.admin.compared':
    'I compared the safety number of {handle} with them by phone or in person, and it matches',
  'desk.admin.unproven':
    'Warning: the keys the desk gave for {handle} are not proven to be theirs. Do not add them; ask {handle} to sign in again, and tell the people who run this deployment.',
  'desk.admin.noKeysOf': '{handle} has no keys yet (not enrolled).',
  'desk.admin.published.no-deployment-key':
    'You do not hold the deployment key. An administrator who holds it must share it with you first.',
  'desk.admin.deploymentKey': 'Deployment key',
  'desk.admin.deploymentKey.lead':
    'Recipient lists are signed with the deployment key. Its private half exists only sealed to the administrators who hold it; whistleblowers’ browsers and the desk refuse any list it did not sign.',
  'desk.admin.deploymentKey.held': 'You hold the deployment key.',
  'desk.admin.deploymentKey.notHeld':
    'You do not hold the deployment key. An administrator who holds it can share it with you.',
  'desk.admin.deploymentKey.share': 'Share the deployment key with {handle}',
  'desk.admin.deploymentKey.shared': 'Shared with {handle}.',
  'desk.admin.deploymentKey.confirmShare': 'Seal the deployment key to {handle}',
  'desk.admin.deploymentKey.rotate': 'Replace the deployment key',
  'desk.admin.deploymentKey.rotated':
    'The deployment key was replaced. Share the new key with the other administrators who should hold it.',
  'desk.admin.deploymentKey.failed': 'That did not work. Reload the page and try again.',
  'desk.admin.deploymentKey.unproven':
    'Not shared: the keys the desk gave for this administrator are not proven to be theirs. Tell the people who run this desk.',
  'desk.admin.questionnaire': 'Questionnaire (one question per line; end with * if required)',
  'desk.admin.resetTotp': 'Reset authenticator of {handle}',
  'desk.admin.resetCode':
    'Reset code for {handle} (give it to them privately; shown once; they enter it at /desk/totp-reset): {code}',
  'desk.admin.hashes': 'Publish these hashes',
  'desk.admin.hashesLead':
    'The pages this deployment serves, file by file. Publish this list and the deployment key where whistleblowers and journalists look: anyone can then check that the deployment serves exactly these files (npm run verify with its address).',
  'desk.admin.hashesKey': 'Deployment key built into the pages',
  'desk.admin.hashesUnpinned':
    'None: these pages trust any key the server announces. The server rebuilds them with the key once setup is done.',
  'desk.admin.hashesCommit': 'Built from commit',
  'desk.admin.hashesDirty': '(with uncommitted changes: nobody can rebuild it)',
  'desk.admin.hashesFiles': 'SHA-256 of each of the {count} files (sha256sum format)',
  'desk.admin.hashesServed':
    'The same list, with the key and the commit, is served as /manifest.json by this desk and by the public site.',
  'desk.admin.hashesMissing': 'This build has no manifest.json: rebuild it with npm run build.',
  'desk.admin.audit': 'Audit log',
  'desk.admin.auditWhen': 'When',
  'desk.admin.auditWho': 'Who',
  'desk.audit.actor.whistleblower': 'The whistleblower',
  'desk.audit.actor.unauthenticated': 'Someone not signed in',
  'desk.audit.actor.system': 'The system (automatic)',
  'desk.audit.actor.operator': 'The server operator',
  'desk.audit.actor.unknown': 'An account no longer listed',
  'desk.admin.auditWhat': 'What happened',
  'desk.admin.auditRecord': 'Record',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
