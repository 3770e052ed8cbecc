import type { Center } from '../centers/center-schema';
import { LANGUAGES, LEVELS_OF_CARE, type LevelOfCare, type Status } from '../taxonomy/codes';
import { centerScopedId } from './hsds-ids';
import { apiBase, codeLabel, toFactAttributes, toHsdsAttributes } from './hsds-taxonomy';
import { serviceFactRefs, timeZoneRef } from './listing-fact-terms';
import type {
  HsdsAddress, HsdsContext, HsdsLanguage, HsdsLocation, HsdsLocationFields, HsdsOrganization,
  HsdsOrganizationFields, HsdsPhone, HsdsService, HsdsServiceAtLocation, HsdsServiceAtLocationFields,
  HsdsServiceAtLocationListItem, HsdsServiceFields, HsdsServiceListItem, HsdsServiceStatus,
} from './hsds-types';
import { feesDescription, toHsdsCostOptions } from './map-prices';
import { toHsdsSchedules } from './map-schedules';
import { availabilityExtension, factAttributes } from './map-facts';

/**
 * A center as HSDS 3.0: the center is an organization with one physical location; each level
 * of care is a service, linked to that location by a service_at_location. The organization id
 * is the center id itself (so a consumer can come back to /v1/centers/{id}); every other id is
 * a UUID v5 of the center id and the row's key (hsds-ids.ts).
 */

/**
 * HSDS service status. "temporarily closed" is an exact HSDS value. A closed center has ceased
 * to operate, which HSDS calls "defunct"; "inactive" is what directories use for services that
 * are paused (seasonal, unfunded, full) and expected back, so it would mislead.
 */
const SERVICE_STATUS: Record<Status, HsdsServiceStatus> = {
  active: 'active', temporarily_closed: 'temporarily closed', closed: 'defunct',
};

/** HSDS wants ISO 639-1 or 639-3; our `asl` is neither (it is 639-3 for Asilulu). */
const HSDS_LANGUAGE_CODE: Partial<Record<string, string>> = { asl: 'ase' };

const EXTENSION = /\s*(?:x|ext\.?)\s*(\d{1,6})\s*$/i;

const opt = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value == null || value === '' ? {} : { [key]: value }) as Partial<Record<K, V>>;

const levelLabel = (level: LevelOfCare) => LEVELS_OF_CARE[level].label;
/** Center code arrays may be typed as any code; these are the levels. */
const levelsOf = (center: Center) => center.levels_of_care as LevelOfCare[];
const isoMillis = (s: string) => { const d = new Date(s); return Number.isNaN(d.getTime()) ? s : d.toISOString(); };

export const hsdsOrganizationId = (center: Center) => center.id;
export const hsdsLocationId = (center: Center) => centerScopedId(center.id, 'location');
export const hsdsServiceId = (center: Center, level: LevelOfCare) => centerScopedId(center.id, 'service', level);
export const hsdsServiceAtLocationId = (center: Center, level: LevelOfCare) =>
  centerScopedId(center.id, 'service_at_location', level);

function phone(center: Center, owner: { organization_id: string } | { service_id: string }, key: string): HsdsPhone[] {
  if (!center.phone) return [];
  const ext = EXTENSION.exec(center.phone);
  return [{
    id: centerScopedId(center.id, 'phone', key),
    ...owner,
    number: ext ? center.phone.slice(0, ext.index).trim() : center.phone.trim(),
    ...opt('extension', ext ? Number(ext[1]) : undefined),
    type: 'voice',
  }];
}

export function toHsdsOrganizationFields(center: Center, ctx: HsdsContext): HsdsOrganizationFields {
  const levels = levelsOf(center).map(levelLabel).join(', ').toLowerCase();
  return {
    id: hsdsOrganizationId(center),
    name: center.name,
    // Required by HSDS; a one-line summary stands in when the listing has no description.
    description: center.description || `Treatment center in ${center.address.city}, ${center.address.state} offering ${levels}.`,
    ...opt('email', center.email),
    ...opt('website', center.website),
    uri: `${apiBase(ctx)}/v1/centers/${center.id}`,
  };
}

export function toHsdsLocationFields(center: Center): HsdsLocationFields {
  return {
    id: hsdsLocationId(center),
    location_type: 'physical',
    organization_id: hsdsOrganizationId(center),
    name: center.name,
    latitude: center.location.lat,
    longitude: center.location.lng,
    // An imported listing keeps its key in the source, e.g. a FindTreatment.gov facility id.
    ...opt('external_identifier', center.source_id),
    ...opt('external_identifier_type', center.source_id ? center.source : undefined),
  };
}

export function toHsdsLocation(center: Center, ctx: HsdsContext): HsdsLocation {
  const { line1, line2, city, state, postal_code } = center.address;
  const address: HsdsAddress = {
    id: centerScopedId(center.id, 'address', 'physical'),
    location_id: hsdsLocationId(center),
    address_1: line1,
    ...opt('address_2', line2),
    city,
    state_province: state,
    postal_code,
    country: 'US',
    address_type: 'physical',
  };
  const id = hsdsLocationId(center);
  return { ...toHsdsLocationFields(center), addresses: [address], attributes: toFactAttributes([timeZoneRef(center, 'location', id)], ctx) };
}

export function toHsdsServiceFields(center: Center, level: LevelOfCare): HsdsServiceFields {
  if (!levelsOf(center).includes(level)) throw new RangeError(`center ${center.id} does not offer ${level}`);
  const { asam } = LEVELS_OF_CARE[level];
  const populations = center.populations.map((p) => codeLabel('populations', p));
  return {
    id: hsdsServiceId(center, level),
    organization_id: hsdsOrganizationId(center),
    name: `${levelLabel(level)} at ${center.name}`,
    description: [
      `${levelLabel(level)}${asam ? ` (ASAM level ${asam})` : ''} at ${center.name}.`,
      center.telehealth ? 'Telehealth available.' : null,
    ].filter(Boolean).join(' '),
    ...opt('url', center.website),
    ...opt('email', center.email),
    status: SERVICE_STATUS[center.status],
    ...opt('alert', center.status === 'active' && !center.accepting_new_patients ? 'Not accepting new patients at present.' : undefined),
    ...opt('fees_description', feesDescription(center, level)),
    ...opt('accreditations', center.accreditations.join(', ')),
    ...opt('eligibility_description', populations.length ? `Populations served: ${populations.join('; ')}.` : undefined),
    ...opt('assured_date', center.verified_at?.slice(0, 10)),
    last_modified: isoMillis(center.updated_at),
  };
}

function serviceAtLocationFields(center: Center, level: LevelOfCare): HsdsServiceAtLocationFields {
  return {
    id: hsdsServiceAtLocationId(center, level),
    service_id: hsdsServiceId(center, level),
    location_id: hsdsLocationId(center),
    description: `${levelLabel(level)} at ${center.address.line1}, ${center.address.city}, ${center.address.state}`,
  };
}

export function toHsdsServiceAtLocation(center: Center, level: LevelOfCare, ctx: HsdsContext): HsdsServiceAtLocation {
  return { ...serviceAtLocationFields(center, level), location: toHsdsLocation(center, ctx) };
}

export function toHsdsServiceAtLocationListItem(center: Center, level: LevelOfCare): HsdsServiceAtLocationListItem {
  return {
    ...serviceAtLocationFields(center, level),
    location: toHsdsLocationFields(center),
    service: toHsdsServiceFields(center, level),
  };
}

function languages(center: Center, level: LevelOfCare, serviceId: string): HsdsLanguage[] {
  return center.languages.map((code) => ({
    id: centerScopedId(center.id, 'language', level, code),
    service_id: serviceId,
    name: (LANGUAGES as Record<string, string>)[code] ?? code,
    code: HSDS_LANGUAGE_CODE[code] ?? code,
  }));
}

/** GET /services/{id}: the service with everything it links to nested. */
export function toHsdsService(center: Center, level: LevelOfCare, ctx: HsdsContext): HsdsService {
  const fields = toHsdsServiceFields(center, level);
  const sal = toHsdsServiceAtLocation(center, level, ctx);
  return {
    ...fields,
    organization: toHsdsOrganizationFields(center, ctx),
    service_at_locations: [sal],
    schedules: toHsdsSchedules(center, level, fields.id, sal.id, ctx),
    cost_options: toHsdsCostOptions(center, level, fields.id, ctx),
    attributes: [...toHsdsAttributes(center, level, fields.id, ctx), ...toFactAttributes(serviceFactRefs(center, level, fields.id), ctx), ...factAttributes(center, level, fields.id, ctx)],
    languages: languages(center, level, fields.id),
    ...availabilityExtension(center, level),
    phones: phone(center, { service_id: fields.id }, `service:${level}`),
  };
}

/** GET /services?minimal=true: the id and last_modified, with the fields HSDS requires of a service. */
export function toHsdsServiceMinimal(center: Center, level: LevelOfCare): Pick<HsdsServiceFields, 'id' | 'name' | 'status' | 'last_modified'> {
  const { id, name, status, last_modified } = toHsdsServiceFields(center, level);
  return { id, name, status, last_modified };
}

/** GET /service_at_locations?full=true: the service_at_location with its full location and fully nested service. */
export function toHsdsServiceAtLocationFull(center: Center, level: LevelOfCare, ctx: HsdsContext) {
  return { ...toHsdsServiceAtLocation(center, level, ctx), service: toHsdsService(center, level, ctx) };
}

/** GET /services list item: one-to-one fields and the organization's (HSDS `service_list`). */
export function toHsdsServiceListItem(center: Center, level: LevelOfCare, ctx: HsdsContext): HsdsServiceListItem {
  return { ...toHsdsServiceFields(center, level), organization: toHsdsOrganizationFields(center, ctx) };
}

/** Every service of a center, fully nested, in the order of its levels_of_care. */
export const toHsdsServices = (center: Center, ctx: HsdsContext) =>
  levelsOf(center).map((level) => toHsdsService(center, level, ctx));

/**
 * GET /organizations/{id}: the organization, its location and its services' own fields
 * (`fullServices`: fully nested services, for HSDS `full_service=true`).
 */
export function toHsdsOrganization(center: Center, ctx: HsdsContext, { fullServices = false } = {}): HsdsOrganization {
  const id = hsdsOrganizationId(center);
  return {
    ...toHsdsOrganizationFields(center, ctx),
    phones: phone(center, { organization_id: id }, 'organization'),
    organization_identifiers: center.license_number
      ? [{ id: centerScopedId(center.id, 'organization_identifier', 'license'), organization_id: id, identifier_type: 'State license number', identifier: center.license_number }]
      : [],
    locations: [toHsdsLocation(center, ctx)],
    services: fullServices ? toHsdsServices(center, ctx) : levelsOf(center).map((level) => toHsdsServiceFields(center, level)),
  };
}
