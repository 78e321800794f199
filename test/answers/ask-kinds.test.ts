import { describe, expect, it } from 'vitest';
import { storeWithText, text } from './setup.ts';

// An invented story: the sentence that answers the kind of question (who, when, why, which day) should come first,
// ahead of sentences, headlines above all, that only share the question's words.
const STORY = [
  'Harbour Accord Signed in Veldora Between the Coastal League and the Port Union',
  '',
  'The Coastal League and the Port Union signed a harbour accord in Veldora to end the dispute over the quays.',
  '',
  'The harbour accord was signed by League envoy Mara Tolvik and Union secretary Jon Brask.',
  '',
  'On March 4 the two delegations met in Ostmark to agree the final wording of the harbour accord.',
  '',
  'The harbour accord talks were postponed in January after a strike closed the port for a week.',
  '',
  'Further talks on the harbour accord are planned for the spring in Veldora.',
].join('\n');

const ask = async (q: string) => text(await (await storeWithText('harbour.txt', STORY)).briefing.ask(q));
const firstAnswer = (t: string) => t.split('\n').find((l) => /^\s*- /.test(l)) ?? '';

describe('/ask answers the kind of question asked', () => {
  it('who: the sentence naming the people, not the headline', async () => {
    expect(firstAnswer(await ask('Who signed the harbour accord for the Coastal League?'))).toMatch(/Mara Tolvik/);
  });
  it('which day: the sentence stating the day the question names', async () => {
    expect(firstAnswer(await ask('Where did the delegations meet on March 4?'))).toMatch(/Ostmark/);
  });
  it('why: the sentence giving a cause', async () => {
    expect(firstAnswer(await ask('Why were the harbour accord talks postponed?'))).toMatch(/strike/);
  });
});

// The agent of a passive ("mediated by Corvania") answers "who mediated", ahead of a sentence that only names a person.
const TRUCE = [
  'Truce holds along the Vell river',
  '',
  'Minister Ada Renn said a Talvaran-mediated truce between two other states had collapsed last spring.',
  '',
  'The truce between Ostmark and Belvar was mediated by Corvania after four days of talks.',
  '',
  'Both armies pulled back from the river on Sunday.',
].join('\n');

describe('/ask for the agent of a passive', () => {
  it('who mediated: the sentence saying "mediated by …", even when its agent is a country', async () => {
    const { briefing } = await storeWithText('truce.txt', TRUCE);
    const answer = firstAnswer(text(await briefing.ask('Who mediated the truce between Ostmark and Belvar?')));
    expect(answer).toMatch(/mediated by Corvania/);
  });
});

// Many sentences share the question's words; the one that answers says only "the accord was mediated by …".
const CROWDED = [
  'Ostmark and Belvar truce enters its second month',
  '',
  ...Array.from({ length: 40 }, (_, i) => `Patrol ${i + 1} reported the truce between Ostmark and Belvar holding.\n`),
  'The accord was mediated by Corvania, which chairs the river commission.',
].join('\n');

describe('/ask for the agent of a passive among many sentences sharing the words', () => {
  it('finds "mediated by …" though it names none of the question\'s other words', async () => {
    const { briefing } = await storeWithText('crowded.txt', CROWDED);
    const answer = firstAnswer(text(await briefing.ask('Who mediated the truce between Ostmark and Belvar?')));
    expect(answer).toMatch(/mediated by Corvania/);
  });
});
