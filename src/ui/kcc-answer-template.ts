/**
 * The KCC's answer on a case, offered first in the template picker of that case's post: webcare posts the
 * reply from it (and may edit it in the reply box). Not a stored template: it has no usage count and no
 * actions.
 */
import type { Case } from '../domain/case';
import { SITES } from '../domain/site';
import type { Template } from '../domain/template';

const PREFIX = 'kcc-answer:';

export function isKccAnswer(template: Pick<Template, 'id'>): boolean {
  return template.id.startsWith(PREFIX);
}

/** The templates with the case's KCC answer first, when the KCC answered it. */
export function withKccAnswer(templates: Template[], c: Case, title: string): Template[] {
  const answer = c.handover && c.kcc?.state === 'answered' ? c.kcc.answer : undefined;
  if (!answer) return templates;
  const answerTemplate: Template = {
    id: `${PREFIX}${c.id}`,
    title,
    // The answer is plain text: braces in it are not variables.
    body: answer.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }'),
    category: 'KCC',
    language: 'nl',
    sites: [...SITES],
    scope: 'personal',
    order: -1,
    usageCount: 0,
  };
  return [answerTemplate, ...templates];
}
