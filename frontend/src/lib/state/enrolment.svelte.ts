// An invitation code handed from setup (or an administrator's invitation) to the enrolment page,
// in memory only.
class Enrolment {
  inviteCode = $state('');
}

export const enrolment = new Enrolment();
