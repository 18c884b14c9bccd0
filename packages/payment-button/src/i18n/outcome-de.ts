/** Texts of the outcome after the pay page: loaded with it (see views/outcome.ts). */
export type Outcome = 'open' | 'pending' | 'paid' | 'failed' | 'cancelled' | 'expired' | 'alreadyPaid' | 'elsewhere';

const titles: Record<Outcome, string> = {
  open: 'Die Zahlung ist noch nicht abgeschlossen',
  pending: 'Ihre Zahlung wird noch bearbeitet',
  paid: 'Vielen Dank – Ihre Zahlung ist eingegangen',
  failed: 'Die Zahlung hat nicht geklappt',
  cancelled: 'Sie haben die Zahlung abgebrochen',
  expired: 'Die Zahlung ist abgelaufen',
  alreadyPaid: 'Dieses Kassenzeichen ist bereits bezahlt',
  elsewhere: 'Zu diesem Kassenzeichen läuft bereits eine Zahlung',
};

const bodies: Record<Outcome, string> = {
  open: 'Sie können sie auf der Bezahlseite fortsetzen. Es wurde noch nichts abgebucht.',
  pending: 'Der Bezahldienst hat noch nicht bestätigt. Bitte bezahlen Sie nicht noch einmal – wir fragen gleich erneut nach.',
  paid: 'Bewahren Sie diese Quittung auf. Sie können sie ausdrucken.',
  failed: 'Es wurde nichts abgebucht. Sie können es erneut versuchen, gern auch mit einer anderen Zahlart.',
  cancelled: 'Es wurde nichts abgebucht. Sie können jederzeit neu beginnen.',
  expired: 'Die Zeit für diese Zahlung ist abgelaufen; es wurde nichts abgebucht. Bitte beginnen Sie neu.',
  alreadyPaid: 'Bitte bezahlen Sie nicht noch einmal. Das ist die Quittung der Zahlung; Sie können sie ausdrucken.',
  elsewhere:
    'Sie wurde in einem anderen Fenster oder auf einem anderen Gerät begonnen und lässt sich nur dort abschließen. Bitte bezahlen Sie nicht noch einmal. Wird sie nicht abgeschlossen, können Sie hier nach Ablauf der Frist neu beginnen.',
};

export const de = {
  paidAt: 'Bezahlt am',
  openUntil: 'Offen bis',
  method: 'Zahlart',
  transaction: 'Transaktionsnummer',
  payAgain: 'Erneut bezahlen',
  checkAgain: 'Stand erneut prüfen',
  continuePaying: 'Weiter zur Bezahlseite',
  printReceipt: 'Quittung drucken',
  title: (p: { outcome: Outcome }): string => titles[p.outcome],
  body: (p: { outcome: Outcome }): string => bodies[p.outcome],
};
