import { describe, expect, it } from 'vitest';
import { extractAfterLead } from './fixtures.ts';

// Sentences of our own, in the shapes real wire copy uses for bills, motions, company deals and the companies and
// outlets that take part in them.
const names = (body: string) => extractAfterLead(body).proposals.map((p) => p.name);
const orgs = (body: string) => extractAfterLead(body).organizations.map((o) => o.name);

describe('bills, motions and resolutions are proposals when something names them', () => {
  it('a noun before the head names the measure', () => {
    expect(names('Opposition lawmakers filed an impeachment motion against Prime Minister Elena Varga.')).toEqual([
      'impeachment motion',
    ]);
    expect(names('The Senate passed a sweeping immigration bill on Tuesday.')).toEqual(['immigration bill']);
  });

  it('what the measure would do names it', () => {
    expect(names('Senators introduced a bill to raise the minimum wage to $15.')).toEqual([
      'bill to raise the minimum wage',
    ]);
    expect(names('Lawmakers will vote on a resolution condemning the strikes.')).toEqual([
      'resolution condemning the strikes',
    ]);
  });

  it('a bare motion is not a proposal', () => {
    expect(names('He made a motion.')).toEqual([]);
    expect(names('The city was in motion all night.')).toEqual([]);
  });

  it('the subject of a proposing verb is the proposer, an organisation too', () => {
    const ex = extractAfterLead('The governing Unity Party proposed a constitutional amendment on term limits.');
    expect(ex.proposals[0]).toMatchObject({ proposedBy: ['Unity Party'] });
    const snap = extractAfterLead('Opposition leader Tomas Brenner called for a snap election by June.').proposals;
    expect(snap[0]).toMatchObject({ name: 'snap election by June', proposedBy: ['Tomas Brenner'] });
  });
});

describe('company deals', () => {
  it('a takeover deal with a company is a deal, "deal with" after a modal is a verb', () => {
    expect(names('Halvard struck a takeover deal with Corvex worth £12bn on Monday.')).toEqual([
      'takeover deal with Corvex',
    ]);
    expect(names('The ministry must deal with the backlog.')).toEqual([]);
  });

  it('a holding company or a joint venture is one only where the sentence puts it forward', () => {
    expect(names('The two companies agreed to form a joint holding company.')).toEqual(['joint holding company']);
    expect(names('Shares in the holding company fell.')).toEqual([]);
    expect(names('The firms announced a joint venture to build batteries.')).toEqual(['joint venture']);
  });

  it('prices with a currency code, a glued scale and a per-share rate', () => {
    expect(names('Corvex confirmed a GBP12.75 per share proposal arrived in May.')).toEqual(['GBP12.75 per share']);
    expect(names('Traders now look past the £30bn cash and shares offer tabled last week.')).toEqual([
      '£30bn cash and shares',
    ]);
  });
});

describe('extensions, approaches, sanctions and what a proposal features', () => {
  it('an extension or a timeline with its span', () => {
    expect(names('Dockers floated a ten-week extension; the owners answered with a 45-day timeline.')).toEqual([
      'ten-week extension',
      '45-day timeline',
    ]);
    expect(names('The extension helped nobody.')).toEqual([]);
  });

  it('an approach that is a bid, not a way of doing things', () => {
    expect(names('Brokers think Halvard’s third approach will be higher.')).toEqual(['third approach']);
    expect(names('She took a new approach to the problem.')).toEqual([]);
  });

  it('a mechanism the sentence threatens to trigger; sanctions in general are not a proposal', () => {
    expect(names('Two capitals said they could trigger a review mechanism soon.')).toEqual(['review mechanism']);
    expect(names('Sanctions hurt the economy.')).toEqual([]);
    expect(names('The bloc threatened economic sanctions and a military intervention.')).toEqual([
      'economic sanctions',
      'military intervention',
    ]);
    expect(names('The bloc said sanctions against the junta would follow.')).toEqual(['sanctions against the junta']);
  });

  it('what a demand or a request is for; a stay on something', () => {
    expect(names('A court turned down the regulator’s demand for Vexa app store divestiture.')).toEqual([
      'Vexa app store divestiture',
    ]);
    expect(names('Vexa wants a stay on the enforcement of the order.')).toEqual([
      'stay on the enforcement of the order',
    ]);
    expect(names('The union demands a raise.')).toEqual([]);
    expect(names('Their demands are reasonable.')).toEqual([]);
  });

  it('a proposal named by what it features; how many proposals is not a name', () => {
    expect(names('Owners tabled a proposal featuring a hard roster limit.')).toEqual([
      'proposal featuring a hard roster limit',
    ]);
    expect(
      names('Corvex received three proposals. All three proposals were rejected. It awaits further proposals.'),
    ).toEqual([]);
  });
});

describe('loans, assurances, offers and challenges', () => {
  it('assurances from someone, a latest offer, a court challenge, debt relief', () => {
    expect(names('The lender also requires financing assurances from official creditors.')).toEqual([
      'financing assurances from official creditors',
    ]);
    expect(names('Nurses rejected the government’s latest offer on Monday.')).toEqual(['government’s latest offer']);
    expect(names('The opposition will mount a court challenge.')).toEqual(['court challenge']);
    expect(names('It was a challenge for everyone.')).toEqual([]);
    expect(names('The country will seek debt relief from creditors.')).toEqual(['debt relief']);
  });
  it('a decimal amount inside a verb-stated offer is not cut', () => {
    expect(names('The lender agreed to provide a $4.2 billion loan over three years.')).toEqual(['$4.2 billion loan']);
  });
});

describe('companies and outlets known by how the text treats them', () => {
  it('a company by its shares, its rivals or its board, then wherever the text names it again', () => {
    const found = orgs('Corvex has rejected approaches from rival Halvard. Halvard said talks continue.');
    expect(found).toContain('Halvard');
    expect(orgs('Investors bought shares in Corvex.')).toContain('Corvex');
  });

  it('the examples of a kind of company', () => {
    expect(orgs('Other bidders may emerge among heavyweights including Pellucid, Ardent and Morrow.')).toEqual(
      expect.arrayContaining(['Pellucid', 'Ardent', 'Morrow']),
    );
  });

  it('outlets that report, with their article', () => {
    expect(orgs('The league said in a statement to KVBX on Sunday.')).toContain('KVBX');
    expect(
      orgs('Officials spoke after the Courier reported the talks. The Courier was the first to report it.'),
    ).toContain('The Courier');
  });
});

describe('speakers after a quote', () => {
  const quotes = (body: string) => extractAfterLead(body).quotes.map((q) => q.speaker);
  it('a noun naming what the title is of, before the title', () => {
    expect(quotes('“We will look closely at prices,” authority chairwoman Ines Kovac said.')).toEqual(['Ines Kovac']);
  });
  it('a country’s body named in lower case, and analysts speaking for their firm', () => {
    expect(quotes('“We are ready to sign the deal today,” the Danish foreign ministry said.')).toEqual([
      'Danish foreign ministry',
    ]);
    expect(quotes('“Expect a second suitor before summer,” analysts at Redwater Partners said in a note.')).toEqual([
      'Redwater Partners',
    ]);
  });
  it('a label before the quote names who speaks', () => {
    expect(quotes('The five states wrote again. G5: “Our door stays open to a negotiated outcome.”')).toEqual(['G5']);
  });
  it('an office of a company is not a person', () => {
    const ex = extractAfterLead('Jo Marr, Vexa’s VP of Regulatory Affairs, wrote that the firm would appeal.');
    expect(ex.people.map((p) => p.name)).toEqual(['Jo Marr']);
  });
  it('“…,” it said and “…,” the Fund said: the organisation named before', () => {
    expect(
      quotes(
        'The Northern Reserve Fund (NRF) said a loan was close, a statement from the NRF said.\n\n' +
          '“The loan will carry the program to the end of the decade,” it said. “Our aims are plain,” the Fund said.',
      ),
    ).toEqual(['Northern Reserve Fund', 'Northern Reserve Fund']);
  });
  it('a company named before its chair is not the speaker', () => {
    expect(quotes('Corvex said its board was meeting. “Talks are ongoing,” Corvex chair Ines Kovac said.')).toEqual([
      'Ines Kovac',
    ]);
  });
  it('a verb that dismisses something as the quoted words', () => {
    expect(
      quotes('Prime Minister Elena Varga spoke. Varga dismissed the move as “a political stunt that changes nothing.”'),
    ).toEqual(['Elena Varga']);
  });
});
