/** Core messages, German first: the source of truth for keys. */
export const de = {
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  errorTitle: 'Das hat leider nicht geklappt',
  errorOffline: 'Sie sind offline. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut. Ihre Eingaben bleiben erhalten.',
  errorNetwork: 'Der Server ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal. Ihre Eingaben bleiben erhalten.',
  errorTimeout: 'Der Server antwortet nicht rechtzeitig. Bitte versuchen Sie es gleich noch einmal. Ihre Eingaben bleiben erhalten.',
  errorServer: 'Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal. Ihre Eingaben bleiben erhalten.',
  errorMalformed: 'Der Server hat eine unerwartete Antwort gesendet. Bitte versuchen Sie es später noch einmal. Ihre Eingaben bleiben erhalten.',
  errorLoad: 'Die Angaben konnten nicht geladen werden. Bitte versuchen Sie es erneut.',
  errorValidation: 'Bitte prüfen Sie Ihre Eingaben.',
  errorNotFound: 'Das Gesuchte wurde nicht gefunden. Es wurde vielleicht gelöscht oder der Link ist abgelaufen.',
  errorConflict: 'Das hat sich in der Zwischenzeit geändert. Bitte laden Sie die Angaben neu.',
  errorRateLimited: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  errorBusy: (p: { time: string }) => `Der Server ist ausgelastet. Bitte versuchen Sie es ${p.time ? `ab ${p.time} Uhr` : 'später'} erneut.`,
  errorUnknown: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
  fieldRequired: 'Bitte füllen Sie dieses Feld aus.',
  fieldInvalidEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.',
  errorSummaryTitle: (p: { count: number }) =>
    p.count === 1 ? 'Bitte korrigieren Sie 1 Eingabe:' : `Bitte korrigieren Sie ${p.count} Eingaben:`,
  optional: 'optional',
} as const;
