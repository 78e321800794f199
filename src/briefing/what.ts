import { fold, overlap, phraseKey } from '../ingest/names.ts';
import type { ProposalSummary, Store } from '../store/store.ts';
import { CitationList, notice, type Answer } from './answer.ts';
import { clip } from './format.ts';

function statusLine(p: ProposalSummary): string {
  const by = [...new Set(p.reports.flatMap((r) => r.proposedBy))];
  const statuses = [...new Set(p.reports.map((r) => r.status).filter((s): s is string => !!s))];
  return [by.length ? `put forward by ${by.join(', ')}` : 'proposer not stated', statuses.length ? `status: ${statuses.join('; ')}` : 'status not stated'].join(' · ');
}

export function findProposal(proposals: ProposalSummary[], query: string): ProposalSummary | undefined {
  const q = phraseKey(query);
  if (!q) return undefined;
  const scored = proposals.map((p) => ({ p, s: Math.max(...[p.name, ...p.aliases].map((n) => (fold(n) === fold(query) ? 2 : overlap(phraseKey(n), q)))) }));
  const best = scored.sort((a, b) => b.s - a.s)[0];
  return best && best.s >= 0.5 ? best.p : undefined;
}

export async function whatList(store: Store): Promise<Answer> {
  const proposals = await store.listProposals();
  if (!proposals.length) return notice('No proposals yet', 'No plan, deal or offer is described in the documents so far.', false);
  const cites = new CitationList();
  const ranked = proposals.sort((a, b) => b.evidence.length - a.evidence.length);
  return {
    title: 'What was proposed',
    description: `${proposals.length} proposals, most discussed first.`,
    sections: [
      {
        heading: 'Proposals',
        items: ranked.slice(0, 12).map((p) => ({ label: p.name, text: statusLine(p), cite: p.evidence.slice(0, 2).map((e) => cites.add(e)) })),
        more: ranked.length > 12 ? { count: ranked.length - 12, hint: 'narrow with /what proposal:…' } : undefined,
      },
    ],
    citations: cites.list,
  };
}

export async function whatIs(store: Store, query: string): Promise<Answer> {
  const proposals = await store.listProposals();
  const p = findProposal(proposals, query);
  if (!p) {
    const names = proposals.slice(0, 5).map((x) => `**${x.name}**`);
    return notice('No such proposal', names.length ? `Known proposals: ${names.join(', ')}.` : 'No proposals are recorded yet.');
  }
  const cites = new CitationList();
  return {
    title: p.name,
    description: `${statusLine(p)}.${p.aliases.length ? ` Also called ${p.aliases.slice(0, 6).join(', ')}.` : ''}`,
    sections: [
      {
        heading: 'By source',
        items: p.reports.map((r) => ({ label: r.document, text: `${r.proposedBy.length ? `by ${r.proposedBy.join(', ')}` : 'proposer not stated'}; ${r.status ?? 'status not stated'}`, cite: [] })),
      },
      {
        heading: 'Key terms and reporting',
        items: p.evidence.slice(0, 6).map((e) => ({ text: clip(e.sentence, 300), cite: [cites.add(e)] })),
        more: p.evidence.length > 6 ? { count: p.evidence.length - 6, hint: `ask /ask question:${p.name} …` } : undefined,
      },
    ],
    citations: cites.list,
  };
}
