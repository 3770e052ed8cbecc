import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { CenterInputSchema } from '../centers/center-schema';
import { AppError } from '../errors';
import { defineRoute, jsonResponse as json } from '../http/define-route';
import { ProblemSchema } from '../http/openapi';
import { PROBLEM_BASE } from '../http/problem';
import { csvColumnsMarkdown } from './csv-columns';
import { importCenters } from './import-centers';
import { IMPORT_MODES, ImportSummarySchema } from './import-summary';
import { countBytes, formatMb, readRecords, type BodyFormat, type RecordFormat } from './read-records';
import { spoolUpload } from './spool-upload';
import { withSteadyHeap } from '../runtime/steady-heap';
import { afterCommit } from '../centers/center-cache';

const RECORD_FORMATS = ['center', 'findtreatment'] as const satisfies readonly RecordFormat[];

const ImportQuery = z.strictObject({
  dry_run: z.stringbool().default(false).describe('true: validate everything and report what would change, writing nothing'),
  mode: z.enum(IMPORT_MODES).default('valid_rows')
    .describe('valid_rows: import the valid records and report the others; all_or_nothing: write nothing if any record fails (422)'),
  format: z.enum(RECORD_FORMATS).default('center')
    .describe('center: this API\'s centers; findtreatment: rows of the FindTreatment.gov locator export (JSON array or NDJSON), mapped through the SAMHSA crosswalk'),
});

const CONTENT_TYPES: Record<string, BodyFormat> = {
  'text/csv': 'csv', 'application/csv': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'ndjson', 'application/ndjson': 'ndjson', 'application/jsonl': 'ndjson', 'application/x-jsonlines': 'ndjson',
};

const DESCRIPTION = `Creates or updates centers in bulk, matching each record to a stored center on \`source\` + \`source_id\`
(both required), so sending the same file again changes nothing and reports every record as \`unchanged\`.

**Bodies**: a JSON array of CenterInput (\`application/json\`), one CenterInput per line (\`application/x-ndjson\`),
or CSV with a header line (\`text/csv\`, UTF-8). \`?format=findtreatment\` takes rows of the FindTreatment.gov locator
export instead (JSON array or NDJSON); they get \`source=findtreatment\` and their \`source_id\` from the locator, and
service codes the crosswalk does not know are listed in \`warnings\`. Bodies are read as they arrive and written in
transactions of 500 records; the upload limit is IMPORT_BODY_LIMIT_MB (413 beyond it).

**Outcome**: 200 with counts, \`failures\` (record number, CSV column or JSON path, message) and \`warnings\`, also when
some records failed in \`valid_rows\` mode. A rejected \`all_or_nothing\` import answers 422 with the same fields in a
problem document and writes nothing. \`row\` counts records from 1; for CSV it is the data row (the header not
counted) and \`line\` is the line of the file. An unknown or missing CSV column is a 400 naming it; another content
type is a 415. A body that breaks off (413, invalid CSV) in \`valid_rows\` mode keeps the batches already committed and
says how far it got.

**CSV columns** (empty cell = not given):

${csvColumnsMarkdown()}`;

export function importRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

  defineRoute(router, registry, {
    method: 'post', path: '/v1/imports', tags: ['Imports'], role: 'admin',
    summary: 'Bulk upsert of centers (JSON array, NDJSON, CSV or FindTreatment.gov rows)',
    description: DESCRIPTION,
    query: ImportQuery,
    rawBody: {
      required: true,
      content: {
        'application/json': { schema: z.array(CenterInputSchema) },
        'application/x-ndjson': { schema: z.string().describe('One CenterInput JSON object per line') },
        'text/csv': { schema: z.string().describe('A header line with the column names below, then one line per center') },
      },
    },
    responses: {
      200: json(ImportSummarySchema, 'What was imported, and what failed and why'),
      413: problem('The upload is larger than IMPORT_BODY_LIMIT_MB'),
      415: problem('Not CSV, JSON or NDJSON in UTF-8'),
      422: {
        description: 'all_or_nothing: some records failed, nothing was written; the problem carries the ImportSummary fields',
        content: { 'application/problem+json': { schema: ProblemSchema.and(ImportSummarySchema) } },
      },
    },
    handler: async ({ query }, req, res) => {
      const body = bodyFormatOf(req, query.format);
      const maxBytes = deps.config.IMPORT_BODY_LIMIT_MB * 1024 * 1024;
      const declared = Number(req.get('content-length') ?? NaN);
      if (declared > maxBytes) throw new AppError('payload_too_large', `The upload is ${formatMb(declared)}; the import limit is ${formatMb(maxBytes)}. Split the file. Nothing was written.`);
      // The app's JSON parser skips this path, so every body arrives here unread, as a stream.
      let bytes: AsyncIterable<Buffer> = countBytes(req.iterator({ destroyOnReturn: false }), { maxBytes });
      // One transaction holds the whole all_or_nothing import: read the body first (spool-upload.ts).
      const spooled = query.mode === 'all_or_nothing' && !query.dry_run
        ? await spoolUpload(bytes).catch((err: unknown) => {
          if (!req.complete) res.setHeader('Connection', 'close');
          throw err instanceof AppError ? new AppError(err.code, `${err.detail ?? err.message} Nothing was written.`, err.extra) : err;
        })
        : undefined;
      if (spooled) bytes = spooled.bytes();
      const source = readRecords(bytes, { body, format: query.format, importDate: new Date().toISOString().slice(0, 10) });
      const summary = await withSteadyHeap(() => importCenters(deps.db, source, {
        dryRun: query.dry_run, mode: query.mode, caller: req.caller, onCommit: () => afterCommit(deps, '*'),
      })).catch((err: unknown) => {
        if (!req.complete) res.setHeader('Connection', 'close'); // the rest of the upload is not read
        throw err;
      }).finally(() => spooled?.dispose());
      if (summary.committed || summary.dry_run) return summary;
      res.status(422).type('application/problem+json').send(JSON.stringify({
        type: `${PROBLEM_BASE}import_rejected`,
        title: 'The import was rejected',
        status: 422,
        detail: `${summary.counts.failed} of ${summary.counts.received} records failed; with mode=all_or_nothing nothing was written. Fix them, or import with mode=valid_rows.`,
        instance: req.originalUrl.split('?')[0],
        ...summary,
      }));
    },
  });

  return router;
}

function bodyFormatOf(req: Request, format: RecordFormat): BodyFormat {
  const header = req.get('content-type') ?? '';
  const [mediaType, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  const body = CONTENT_TYPES[mediaType];
  const accepted = 'send text/csv, application/json (an array) or application/x-ndjson';
  if (!body) throw new AppError('unsupported_media_type', header ? `Content-Type ${mediaType} cannot be imported: ${accepted}` : `No Content-Type: ${accepted}`);
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset && !['utf-8', 'utf8', 'us-ascii'].includes(charset)) throw new AppError('unsupported_media_type', `Send UTF-8 (got charset=${charset})`);
  const encoding = req.get('content-encoding');
  if (encoding && encoding.toLowerCase() !== 'identity') throw new AppError('unsupported_media_type', `Send the upload uncompressed (got Content-Encoding: ${encoding})`);
  if (format === 'findtreatment' && body === 'csv') throw new AppError('unsupported_media_type', 'format=findtreatment takes the locator\'s JSON export: a JSON array or NDJSON');
  return body;
}
