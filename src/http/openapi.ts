import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// The registry adds component references through `.openapi()`.
extendZodWithOpenApi(z);

export const ProblemSchema = z.object({
  type: z.string().describe('URI naming the kind of problem'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional().describe('What went wrong, for a person'),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string().describe('Field or query parameter, dotted (e.g. address.postal_code)'), message: z.string() })).optional(),
}).meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });

export function createRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.register('Problem', ProblemSchema);
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http', scheme: 'bearer',
    description: 'API key. Reads work without one (lower rate limit); writes need an admin key.',
  });
  return registry;
}

export function buildOpenApiDocument(registry: OpenAPIRegistry) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Treatment Center Directory API',
      version: '1.0.0',
      // package.json is "private" with no licence: all rights reserved until the owners choose one.
      license: { name: 'Proprietary (all rights reserved)' },
      description: [
        'Addiction and behavioral-health treatment centers: levels of care, modalities, medications,',
        'weekly schedules, insurance and prices; filtered search; IOP vs inpatient cost estimates.',
        '',
        'Conventions: JSON with snake_case fields, ISO 8601 dates, money in USD. Errors are',
        '`application/problem+json` (RFC 9457) with `errors: [{ path, message }]` for invalid input.',
        'Reads need no key (CORS `*`); `Authorization: Bearer <key>` raises the rate limit; writes need an admin key.',
        'Rate limits answer 429 with `Retry-After` and `RateLimit-*` headers.',
      ].join('\n'),
    },
    servers: [{ url: '/' }],
  });
}
