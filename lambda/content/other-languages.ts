/**
 * The one answer for a request in a language the skill does not speak (a multilingual device, or a
 * locale it is not published in): said in that language where it is one Alexa speaks, else in English.
 */
const ONLY_IN_ENGLISH: Readonly<Record<string, string>> = {
  ar: 'عذرًا، Partner Massage Coach متاح باللغة الإنجليزية فقط.',
  de: 'Entschuldigung, Partner Massage Coach gibt es nur auf Englisch.',
  es: 'Lo siento, Partner Massage Coach solo está disponible en inglés.',
  fr: "Désolé, Partner Massage Coach n'est disponible qu'en anglais.",
  hi: 'क्षमा करें, Partner Massage Coach केवल अंग्रेज़ी में उपलब्ध है।',
  it: 'Mi dispiace, Partner Massage Coach è disponibile solo in inglese.',
  ja: 'すみません、Partner Massage Coach は英語でのみご利用いただけます。',
  nl: 'Sorry, Partner Massage Coach is alleen beschikbaar in het Engels.',
  pt: 'Desculpe, o Partner Massage Coach só está disponível em inglês.',
};

const IN_ENGLISH = 'Sorry, Partner Massage Coach speaks English only.';

/** The short answer for a language the skill does not speak. */
export function onlyInEnglish(language: string): string {
  return Object.hasOwn(ONLY_IN_ENGLISH, language) ? (ONLY_IN_ENGLISH[language] ?? IN_ENGLISH) : IN_ENGLISH;
}
