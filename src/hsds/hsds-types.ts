/**
 * The HSDS 3.0 objects the feed publishes (vendor/hsds-3.0/*.json), limited to the fields we
 * fill. Optional fields are left out rather than sent as null: the schemas type them as
 * plain strings or numbers, so null would fail validation.
 */

export interface HsdsContext {
  /** Absolute base URL of this API, e.g. "https://api.example.org" (for uri fields). */
  baseUrl: string;
}

export type HsdsServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export interface HsdsTaxonomy {
  id: string; name: string; description: string; uri: string; version: string;
}

export interface HsdsTaxonomyTerm {
  id: string; code: string; name: string; description: string;
  taxonomy_id: string; taxonomy: string; term_uri: string; language: string;
}

export interface HsdsAttribute {
  id: string; link_id: string; link_type: string; link_entity: string;
  taxonomy_term_id: string; value?: string; taxonomy_term: HsdsTaxonomyTerm;
}

export interface HsdsPhone {
  id: string; organization_id?: string; service_id?: string;
  number: string; extension?: number; type: string;
}

export interface HsdsLanguage { id: string; service_id: string; name: string; code: string }

export interface HsdsAddress {
  id: string; location_id: string; address_1: string; address_2?: string; city: string;
  state_province: string; postal_code: string; country: string; address_type: 'physical';
}

export interface HsdsOrganizationIdentifier {
  id: string; organization_id: string; identifier_type: string; identifier: string;
}

/** A schedule row: one weekly session, times local to the center (see map-schedules.ts). */
export interface HsdsSchedule {
  id: string; service_id: string; service_at_location_id: string; timezone?: number;
  freq: 'WEEKLY'; byday: string; opens_at: string; closes_at: string;
  attending_type: string; description: string; notes: string; attributes: HsdsAttribute[];
}

export interface HsdsCostOption {
  id: string; service_id: string; valid_from: string; option: string;
  currency: 'USD'; amount: number; amount_description: string; attributes: HsdsAttribute[];
}

/** One-to-one fields of an organization (the `organization_list` shape). */
export interface HsdsOrganizationFields {
  id: string; name: string; description: string; email?: string; website?: string; uri: string;
}

export interface HsdsLocationFields {
  id: string; location_type: 'physical'; organization_id: string; name: string;
  latitude: number; longitude: number; external_identifier?: string; external_identifier_type?: string;
}

export interface HsdsLocation extends HsdsLocationFields { addresses: HsdsAddress[]; attributes: HsdsAttribute[] }

/** One-to-one fields of a service. */
export interface HsdsServiceFields {
  id: string; organization_id: string; name: string; description: string;
  url?: string; email?: string; status: HsdsServiceStatus; alert?: string;
  fees_description?: string; accreditations?: string; eligibility_description?: string;
  assured_date?: string; last_modified: string;
}

export interface HsdsServiceAtLocationFields {
  id: string; service_id: string; location_id: string; description: string;
}

/** GET /services/{id}: the fully nested service. */
export interface HsdsService extends HsdsServiceFields {
  organization: HsdsOrganizationFields;
  service_at_locations: HsdsServiceAtLocation[];
  schedules: HsdsSchedule[];
  cost_options: HsdsCostOption[];
  attributes: HsdsAttribute[];
  languages: HsdsLanguage[];
  phones: HsdsPhone[];
}

/** GET /services (list item): one-to-one fields plus the organization's. */
export interface HsdsServiceListItem extends HsdsServiceFields { organization: HsdsOrganizationFields }

export interface HsdsServiceAtLocation extends HsdsServiceAtLocationFields { location: HsdsLocation }

/** GET /service_at_locations (list item): one-to-one fields of it, its location and its service. */
export interface HsdsServiceAtLocationListItem extends HsdsServiceAtLocationFields {
  location: HsdsLocationFields;
  service: HsdsServiceFields;
}

/** GET /organizations/{id}: the organization with its locations and (one-to-one) services. */
export interface HsdsOrganization extends HsdsOrganizationFields {
  phones: HsdsPhone[];
  organization_identifiers: HsdsOrganizationIdentifier[];
  locations: HsdsLocation[];
  services: HsdsServiceFields[] | HsdsService[];
}
