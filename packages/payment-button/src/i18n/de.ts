export const de = {
  amount: 'Betrag',
  purpose: 'Verwendungszweck',
  reference: 'Kassenzeichen',
  pay: (p: { amount: string }): string => `${p.amount} bezahlen`,
  payHint: 'Sie werden zur Bezahlseite des Bezahldienstes der Stadt weitergeleitet und kommen danach hierher zurück.',
  creating: 'Zahlung wird vorbereitet …',
  redirecting: 'Sie werden zur Bezahlseite weitergeleitet …',
  redirectingLink: 'Falls nichts passiert: zur Bezahlseite',
  checking: 'Der Stand Ihrer Zahlung wird abgefragt …',
  lookUp: 'Schon bezahlt? Zahlungsstand prüfen',
  nothingFound: 'Zu diesem Kassenzeichen gibt es noch keine Zahlung.',
};
