import type { CorpusReads, StoreExamples } from '../store/store.ts';
import type { AnswerSection } from './answer.ts';

// Examples of what to ask, taken from the store (its most-mentioned person and place, its best-supported proposal),
// so help and hints never name a story the code shipped with. An empty store gets generic wording.

type Kind = keyof StoreExamples;

const COMMAND: Record<Kind, { example: (name: string) => string; about: string }> = {
  person: { example: (n) => `/who name:${n}`, about: 'the person mentioned most' },
  place: { example: (n) => `/where place:${n}`, about: 'the place mentioned most' },
  proposal: { example: (n) => `/what proposal:${n}`, about: 'the proposal discussed most' },
};

/** "/who name:…", "/where place:…", "/what proposal:…" for the names the store has. */
export function exampleCommands(ex: StoreExamples): string[] {
  return (Object.keys(COMMAND) as Kind[]).flatMap((k) => (ex[k] ? [COMMAND[k].example(ex[k])] : []));
}

/** The console banner's line: commands to try, from the store when it holds anything. */
export function bannerLine(ex: StoreExamples): string {
  const commands = exampleCommands(ex);
  const tryThese = commands.length ? commands.join(', ') : '/brief, /who, /timeline';
  return `type a command as in Discord, e.g. ${tryThese} — /help lists them; Ctrl-D quits`;
}

/** The help answer's "Try" section: one example per kind the store holds, or how to start on an empty store. */
export async function examplesSection(store: CorpusReads): Promise<AnswerSection> {
  const ex = await store.examples();
  const items = (Object.keys(COMMAND) as Kind[]).flatMap((k) =>
    ex[k] ? [{ label: COMMAND[k].example(ex[k]), text: COMMAND[k].about, cite: [] }] : [],
  );
  if (!items.length)
    items.push({ label: '/ingest file', text: 'nothing is stored yet: an admin adds an article first', cite: [] });
  return { heading: 'Try', items };
}

/**
 * A hint after an empty result: "Try /who name:<the person mentioned most>, or /who with no name …"; on an empty
 * store only the generic `rest` ("Try /who with no name …"). `example` writes the command for the store's name.
 */
export async function tryHint(store: CorpusReads, kind: Kind, example: (name: string) => string, rest: string) {
  const name = (await store.examples())[kind];
  return name ? `Try ${example(name)}, or ${rest}` : `Try ${rest}`;
}

/** An example question for /ask, about the store's own names; generic on an empty store. */
export async function exampleQuestion(store: CorpusReads): Promise<string> {
  const { person, place } = await store.examples();
  if (person) return `/ask question:What did ${person} say?`;
  if (place) return `/ask question:What happened in ${place}?`;
  return '/ask question:Who met whom, and where?';
}
