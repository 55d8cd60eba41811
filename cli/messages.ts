/**
 * The command line's messages in the language of this command (`--lang`): one object every CLI
 * module imports, switched in place once by `useLanguage` (cli/usage.ts) — as the scenario layer's
 * catalogues are (scenario/messages-sv.ts) — so an error made anywhere in the CLI is in the
 * user's language without passing the language around.
 */
import type { Lang } from '../viz/format.js';
import { messages as messagesEn, messagesSv } from '../viz/texts/messages.js';
import type { MessageTexts } from '../viz/texts/types.js';

export const messages: MessageTexts = { ...messagesEn };

let current: Lang = 'en';

export function useCliMessages(lang: Lang): void {
  current = lang;
  Object.assign(messages, lang === 'sv' ? messagesSv : messagesEn);
}

/** The language `useCliMessages` chose (for what is formatted, not worded: the progress bar's percent and time). */
export const messageLanguage = (): Lang => current;
