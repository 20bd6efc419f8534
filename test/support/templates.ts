/** Templates for tests: as a template file brings one in, and as the store keeps one (team scope by default). */
import type { Template } from '../../src/domain/template';
import type { ImportedTemplate } from '../../src/domain/template-file';

export const importedTemplate = (id: string, over: Partial<ImportedTemplate> = {}): ImportedTemplate => ({
  id,
  title: `Titel ${id}`,
  body: `Tekst ${id}`,
  category: 'Algemeen',
  language: 'nl',
  sites: ['x', 'facebook'],
  ...over,
});

export const storedTemplate = (id: string, over: Partial<Template> = {}): Template => ({
  ...importedTemplate(id),
  scope: 'team',
  order: 0,
  usageCount: 0,
  ...over,
});
