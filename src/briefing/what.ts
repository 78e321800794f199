import { isGenericProposalKey } from '../match/names.ts';
import { fold, phraseKey } from '../text/names.ts';
import type { ProposalSummary, CorpusReads } from '../store/store.ts';
import { CitationList, notice, type Answer } from './answer.ts';
import { excerpt, formatDate, plural } from './format.ts';

/** Who put it forward (as the texts name them) and its latest stated status, with how many reports stand behind it. */
function statusLine(p: ProposalSummary): string {
  const by = [...new Set(p.reports.flatMap((r) => r.proposedBy))];
  const latest = p.reports.find((r) => r.status);
  const when = latest?.date ? ` (${formatDate(latest.date, 'day', latest.date)})` : '';
  return [
    by.length ? `put forward by ${by.join(', ')}` : 'proposer not stated',
    latest ? `latest status: ${latest.status}${when}` : 'status not stated',
  ].join(' · ');
}

/** Of what someone typed, the share a name covers; zero when the name has none of its distinctive words. */
function coverage(nameKey: string, queryWords: string[]): number {
  const name = new Set(nameKey.split(' '));
  const hits = queryWords.filter((w) => name.has(w));
  const distinctive = queryWords.filter((w) => !isGenericProposalKey(w));
  if (distinctive.length && !distinctive.some((w) => name.has(w))) return 0;
  // a tie goes to the name with fewer words besides the query's
  return hits.length / queryWords.length + hits.length / (10 * name.size);
}

/** Half the typed words, the distinctive ones among them, in a name or an alias. */
const MIN_COVERAGE = 0.5;

function findProposal<P extends { name: string; aliases: string[] }>(proposals: P[], query: string): P | undefined {
  const q = phraseKey(query);
  if (!q) return undefined;
  const words = q.split(' ');
  const scored = proposals.map((p) => ({
    p,
    s: Math.max(...[p.name, ...p.aliases].map((n) => (fold(n) === fold(query) ? 2 : coverage(phraseKey(n), words)))),
  }));
  const best = scored.sort((a, b) => b.s - a.s)[0];
  return best && best.s >= MIN_COVERAGE ? best.p : undefined;
}

export async function whatList(store: CorpusReads): Promise<Answer> {
  const ranked = await store.listProposals({ limit: 12, evidence: 2, reports: 5 });
  if (!ranked.length)
    return notice('No proposals yet', 'No plan, deal or offer is described in the documents so far.', false);
  const total = await store.count('proposals');
  const cites = new CitationList();
  return {
    title: 'What was proposed',
    description: `${plural(total, 'proposal')}, most discussed first.`,
    sections: [
      {
        heading: 'Proposals',
        items: ranked.map((p) => ({ label: p.name, text: statusLine(p), cite: p.evidence.map((e) => cites.add(e)) })),
        more:
          total > ranked.length ? { count: total - ranked.length, hint: 'narrow with /what proposal:…' } : undefined,
      },
    ],
    citations: cites.list,
  };
}

const by = (names: string[]) => (names.length ? `; by ${names.join(', ')}` : '');

export async function whatIs(store: CorpusReads, query: string): Promise<Answer> {
  const names = await store.proposalNames();
  const found = findProposal(names, query);
  const [p] = found ? await store.listProposals({ ids: [found.id], limit: 1, evidence: 6, reports: 10 }) : [];
  if (!p) {
    const known = names.slice(0, 5).map((x) => `**${x.name}**`);
    return notice(
      'No such proposal',
      known.length ? `Known proposals: ${known.join(', ')}.` : 'No proposals are recorded yet.',
    );
  }
  const cites = new CitationList();
  return {
    title: p.name,
    description: `${statusLine(p)}.${p.aliases.length ? ` Also called ${p.aliases.slice(0, 6).join(', ')}.` : ''}`,
    sections: [
      {
        heading: 'Status history, newest first',
        items: p.reports.map((r) => ({
          label: r.date ? formatDate(r.date, 'day', r.date) : 'undated',
          text: `${r.status ?? 'status not stated'} — ${r.document}${by(r.proposedBy)}`,
          cite: r.ref ? [cites.add(r.ref)] : [],
        })),
      },
      {
        heading: 'Key terms and reporting',
        items: p.evidence.map((e) => ({
          text: excerpt(e.sentence, [p.name, ...p.aliases], 300),
          cite: [cites.add(e)],
        })),
        more:
          p.evidenceCount > p.evidence.length
            ? { count: p.evidenceCount - p.evidence.length, hint: `ask /ask question:${p.name} …` }
            : undefined,
      },
    ],
    citations: cites.list,
  };
}
