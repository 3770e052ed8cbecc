import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import {
  ACCESSIBILITY, CONDITIONS, INSURERS, LANGUAGES, LEVELS_OF_CARE, MEDICATIONS, MODALITIES, PAYERS, POPULATIONS, SCHEDULE_TAGS,
} from './codes';

const Term = z.object({ code: z.string(), label: z.string() });
const LevelTerm = Term.extend({ asam: z.string().nullable(), samhsa_codes: z.array(z.string()) });
export const TaxonomySchema = z.object({
  levels_of_care: z.array(LevelTerm), modalities: z.array(Term), medications: z.array(Term),
  payers: z.array(Term), insurers: z.array(Term), populations: z.array(Term), languages: z.array(Term),
  schedule: z.array(Term.extend({ definition: z.string() })),
  conditions: z.array(Term), accessibility: z.array(Term),
}).meta({ id: 'Taxonomy' });

const terms = (o: Record<string, string>) => Object.entries(o).map(([code, label]) => ({ code, label }));
const SCHEDULE_DEFINITIONS: Record<(typeof SCHEDULE_TAGS)[number], [string, string]> = {
  morning: ['Morning', 'a session starting before 12:00 local time'],
  afternoon: ['Afternoon', 'a session starting 12:00–16:59 local time'],
  evening: ['Evening', 'a session starting at 17:00 local time or later'],
  weekend: ['Weekend', 'a session on Saturday or Sunday'],
};

/** Computed once: the code lists never change while the server runs. */
export const TAXONOMY = {
  levels_of_care: Object.entries(LEVELS_OF_CARE).map(([code, l]) => ({ code, label: l.label, asam: l.asam, samhsa_codes: [...l.samhsa] })),
  modalities: terms(MODALITIES), medications: terms(MEDICATIONS), payers: terms(PAYERS), insurers: terms(INSURERS),
  populations: terms(POPULATIONS), languages: terms(LANGUAGES),
  schedule: SCHEDULE_TAGS.map((code) => ({ code, label: SCHEDULE_DEFINITIONS[code][0], definition: SCHEDULE_DEFINITIONS[code][1] })),
  conditions: terms(CONDITIONS), accessibility: terms(ACCESSIBILITY),
};

export function taxonomyRoutes(registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'get', path: '/v1/taxonomy', tags: ['Taxonomy'], summary: 'Every code list with labels',
    description: 'Codes are stable and never change meaning. Level codes carry their ASAM level and SAMHSA locator codes.',
    responses: { 200: { description: 'The code lists', content: { 'application/json': { schema: TaxonomySchema } } } },
    handler: (_input, _req, res) => { res.setHeader('Cache-Control', 'public, max-age=3600'); return TAXONOMY; },
  });
  return router;
}
