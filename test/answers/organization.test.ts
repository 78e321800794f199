import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/document.ts';
import { extract } from '../../src/extract/index.ts';
import { writeDocument } from '../../src/ingest/write-document.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { sqliteConnection, tempStore, testApp } from '../helpers.ts';
import { INVENTED, seedFiles, storeWith, text } from './setup.ts';

/**
 * The invented article, with one more quote given to the organisation by name ("the WTO", as an extractor that
 * attributes statements to organisations would give it), and one of its quotes re-pointed at the organisation's entity.
 */
async function inventedWithOrganisationQuotes() {
  const { store, file } = tempStore();
  const doc = parseDocument('harbour-quota-talks.txt', fs.readFileSync(INVENTED));
  const sentences = splitSentences(doc.body);
  const x = extract(
    { id: 'harbour-quota-talks', title: doc.title, source: doc.source, publishedAt: doc.publishedAt, body: doc.body },
    sentences,
  );
  const at = sentences.findIndex((s) => /dispute panel/.test(s.text));
  x.quotes.push({ speaker: 'the WTO', text: 'should respect its rules', sentence: at });
  await writeDocument(store, doc, sentences, x);
  const [org] = await store.findEntities('organization', 'World Trade Organization', 1);
  // One more quote credited to the organisation on its stored row, whatever the extractor makes of that sentence.
  const db = sqliteConnection(file);
  db.prepare(
    `UPDATE quotes SET speaker_id = ?, speaker_name = 'World Trade Organization'
       WHERE text LIKE 'The panel will not wait%'`,
  ).run(org.id);
  db.close();
  return { store, briefing: (await testApp(store)).briefing };
}

describe('/who for an organisation (invented article)', () => {
  it('answers with kind, mentions, the people who act for it, what it said, key sentences and documents', async () => {
    const { briefing } = await inventedWithOrganisationQuotes();
    for (const name of ['World Trade Organization', 'WTO', 'the WTO', 'world trade']) {
      const a = await briefing.who(name);
      expect(a.title, name).toBe('World Trade Organization');
      expect(a.description).toMatch(/An organisation, mentioned \d+ times? in 1 document\./);
      const heading = (h: string) => a.sections.find((s) => s.heading === h);
      expect(heading('People who act for it')?.items.map((i) => i.label)).toEqual(['Lena Marsh']);
      const said = heading('What it said')
        ?.items.map((i) => i.text)
        .join(' ');
      expect(said).toMatch(/should respect its rules/); // by speaker name
      expect(said).toMatch(/The panel will not wait/); // by speaker id
      expect(heading('In the story')?.items.length).toBeGreaterThan(0);
      expect(heading('Documents')?.items.map((i) => i.text)).toEqual([
        'Fishing quota negotiations resume between Norway and Iceland',
      ]);
    }
  });

  it('from extraction alone: the organisation and its spokesperson, and a person is still a person', async () => {
    const { briefing } = await storeWith(INVENTED);
    const org = await briefing.who('WTO');
    expect(org.title).toBe('World Trade Organization');
    // the body before a title is part of the role since the real-stories work
    expect(text(org)).toMatch(/Lena Marsh — WTO spokesperson/);
    expect((await briefing.who('Marsh')).title).toBe('Lena Marsh');
    // a name a few letters off is answered as the one meant
    expect((await briefing.who('Wrold Trade Organisation')).title).toBe('World Trade Organization');
    expect((await briefing.who('Wrold Trade Bank')).title).toBe('No one by that name');
  });

  it('/quote speaker: takes an organisation too', async () => {
    const { briefing } = await inventedWithOrganisationQuotes();
    const a = await briefing.quotes('WTO');
    expect(a.title).toBe('Quotes: World Trade Organization');
    expect(a.sections[0].items).toHaveLength(2);
  });

  it('autocomplete of /who offers organisations', async () => {
    const { briefing } = await storeWith(INVENTED);
    expect((await briefing.suggest(['person', 'organization'], 'world')).map((s) => s.value)).toContain(
      'World Trade Organization',
    );
    expect((await briefing.suggest(['person', 'organization'], 'wto')).map((s) => s.value)).toContain(
      'World Trade Organization',
    );
    const empty = (await briefing.suggest(['person', 'organization'], '')).map((s) => s.value);
    expect(empty).toContain('World Trade Organization');
    expect(empty).toContain('Ingrid Halvorsen');
  });
});

describe('/who for an organisation (seed)', () => {
  it('every organisation in the store has a /who answer', async () => {
    const { store, briefing } = await storeWith(...seedFiles());
    const orgs = await store.topNames('organization', 50);
    expect(orgs.length).toBeGreaterThan(0);
    for (const name of orgs) {
      const a = await briefing.who(name);
      expect(a.title).toBe(name);
      expect(a.description).toMatch(/^An organisation/);
    }
  });
});
