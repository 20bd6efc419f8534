/** The values a template's variables take for one post, from the page and the agent's settings. */
import { caseReference, type CaseId } from './case-id';
import { firstName, type TemplateValues } from './render-template';
import { siteLabel, type Site } from './site';

export interface TemplateContext {
  author: { name: string; handle?: string };
  caseId: CaseId;
  site: Site;
}

export interface AgentDetails {
  agentName: string;
  initials: string;
  municipality: string;
}

const ZONE = 'Europe/Amsterdam';

/** The agent's signature: "^AB" from initials "AB" (an agent may type "^AB" or "AB"). */
export function signature(initials: string): string {
  const trimmed = initials.trim();
  return trimmed === '' || trimmed.startsWith('^') ? trimmed : `^${trimmed}`;
}

export function templateValues(post: TemplateContext, agent: AgentDetails, now: number): TemplateValues {
  const at = new Date(now);
  return {
    naam: post.author.name,
    voornaam: firstName(post.author.name),
    handle: post.author.handle ?? '',
    gemeente: agent.municipality,
    medewerker: agent.agentName,
    paraaf: signature(agent.initials),
    zaaknummer: caseReference(post.caseId),
    datum: at.toLocaleDateString('nl-NL', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' }),
    tijd: at.toLocaleTimeString('nl-NL', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }),
    kanaal: siteLabel(post.site),
  };
}
