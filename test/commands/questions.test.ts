import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLine } from '../../src/console/run-line.ts';
import { toText } from '../../src/present/text.ts';
import { ROOT } from '../helpers.ts';
import { seededBot } from './setup.ts';

interface Question {
  question: string;
  command: string;
  expect: string[];
}
const questions: Question[] = JSON.parse(fs.readFileSync(`${ROOT}/test/questions.json`, 'utf8'));

describe('the question set', () => {
  let bot: Awaited<ReturnType<typeof seededBot>>;
  beforeAll(async () => {
    bot = await seededBot();
  });
  afterAll(() => bot.scheduler.stop());

  it('has at least 25 questions about the seed', () => {
    expect(questions.length).toBeGreaterThanOrEqual(25);
  });

  it('answers at least 90% of them right', async () => {
    const wrong: string[] = [];
    for (const q of questions) {
      const text = toText(await runLine(q.command, bot)).toLowerCase();
      const missing = q.expect.filter((w) => !text.includes(w.toLowerCase()));
      if (missing.length) wrong.push(`${q.command} — missing ${missing.join(', ')}`);
    }
    const right = questions.length - wrong.length;
    const share = right / questions.length;
    console.log(
      `question set: ${right}/${questions.length} right ` +
        `(${(share * 100).toFixed(0)}%)${wrong.length ? `\n  ${wrong.join('\n  ')}` : ''}`,
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});
