import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors';
import { defineRoute, jsonResponse } from '../http/define-route';
import { stateParam, text } from '../search/search-query';
import { findPlace } from './find-place';

const PlaceQuery = z.strictObject({
  city: text.pipe(z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters')).openapi({ type: 'string', minLength: 1, maxLength: 100 }).describe('City name, e.g. New York'),
  state: stateParam.describe('Two-letter state'),
});
const PlaceSchema = z.object({
  lat: z.number(), lng: z.number(), city: z.string(), state: z.string(),
  zip_count: z.number().int().describe('ZIP codes of the city averaged into the point'),
}).meta({ id: 'Place' });

/** GET /v1/places: a city/state as a point, to search `near` it (the search takes a ZIP or lat,lng). */
export function placeRoutes(registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: 'get', path: '/v1/places', tags: ['Taxonomy'], summary: 'A US city as a point for `near`',
    query: PlaceQuery,
    responses: { 200: jsonResponse(PlaceSchema, 'The city\'s center'), 404: { description: 'No such city in the ZIP database' } },
    handler: ({ query }, _req, res) => {
      const place = findPlace(query.city, query.state);
      if (!place) throw new AppError('not_found', `No city "${query.city}" in ${query.state} in the US ZIP database`, { errors: [{ path: 'city', message: 'not found in this state' }] });
      res.setHeader('Cache-Control', 'public, max-age=86400');
      return place;
    },
  });
  return router;
}
