/**
 * Function words that citizens put into a search box ("Perso fürs Kind", "aus der Kirche
 * austreten") but that say nothing about the service. They are optional in a query: a service
 * does not have to contain them, but gets a little credit when it does. Folded spelling.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'am', 'an', 'auf', 'bei', 'beim', 'bin', 'bitte', 'das', 'dem', 'den', 'der', 'des', 'die', 'ein',
  'eine', 'einem', 'einen', 'einer', 'eines', 'fuer', 'fuers', 'hat', 'ich', 'im', 'in', 'ins', 'ist',
  'kann', 'mein', 'meine', 'meinem', 'meinen', 'meiner', 'mich', 'mir', 'mit', 'muss', 'nach', 'oder',
  'ueber', 'um', 'und', 'vom', 'von', 'was', 'wie', 'will', 'wir', 'wo', 'zu', 'zum', 'zur',
]);
