export const FIRST_NAMES = [
  'Anna', 'Lukas', 'Sophie', 'Jonas', 'Emma', 'Noah', 'Mia', 'Elias', 'Hannah', 'Felix', 'Olivia', 'James',
  'Charlotte', 'William', 'Amelia', 'Oliver', 'Isla', 'Harry', 'Grace', 'Jack', 'Camille', 'Louis', 'Chloé', 'Hugo',
  'Lucía', 'Mateo', 'Giulia', 'Lorenzo', 'Sara', 'Daan', 'Fleur', 'Sean', 'Aoife', 'Emily', 'Michael', 'Madison',
  'Ethan', 'Ava', 'Daniel', 'Priya', 'Wei', 'Fatima', 'Omar', 'Ingrid', 'Mateusz', 'Zofia',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Smith', 'Jones', 'Taylor',
  'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Martin', 'Bernard', 'Dubois', 'Durand', 'Lefebvre', 'García',
  'Fernández', 'López', 'Rossi', 'Russo', 'Ferrari', 'de Jong', 'Jansen', 'Visser', 'Murphy', "O'Brien", 'Kelly',
  'Johnson', 'Miller', 'Davis', 'Anderson', 'Moore', 'Jackson', 'Patel', 'Chen', 'Nowak', 'Kowalski', 'Larsen',
] as const;

export const COMPANY_STEMS = [
  'Nordwind', 'Alpenblick', 'Bluewater', 'Ironbridge', 'Silverline', 'Greenfield', 'Redwood', 'Harbourside',
  'Lakeshore', 'Brightstone', 'Oakridge', 'Summit', 'Northstar', 'Westbrook', 'Riverside', 'Clearview', 'Sunvale',
  'Highland', 'Meridian', 'Falcon', 'Pioneer', 'Cobalt', 'Evergreen', 'Granite', 'Horizon', 'Kestrel', 'Lighthouse',
  'Maple', 'Orion', 'Pinecrest', 'Quarry', 'Rosewood', 'Stonegate', 'Trident', 'Vantage', 'Willow', 'Zenith',
  'Atlas', 'Beacon', 'Crescent',
] as const;

export const COMPANY_TRADES = [
  'Logistics', 'Engineering', 'Foods', 'Textiles', 'Software', 'Consulting', 'Print & Media', 'Building Supplies',
  'Medical', 'Energy', 'Furniture', 'Automotive Parts', 'Packaging', 'Trading', 'Hospitality', 'Electronics',
  'Garden Centre', 'Catering', 'Architects', 'Freight',
] as const;

export interface Region {
  currency: 'EUR' | 'USD' | 'GBP';
  timeZone: string;
  /** Company legal-form suffixes common there. */
  legalForms: readonly string[];
  phonePrefix: string;
  domain: string;
}

export const REGIONS: readonly (readonly [Region, number])[] = [
  [{ currency: 'EUR', timeZone: 'Europe/Berlin', legalForms: ['GmbH', 'AG', 'GmbH & Co. KG'], phonePrefix: '+49 30', domain: 'de' }, 16],
  [{ currency: 'EUR', timeZone: 'Europe/Paris', legalForms: ['SARL', 'SAS', 'SA'], phonePrefix: '+33 1', domain: 'fr' }, 9],
  [{ currency: 'EUR', timeZone: 'Europe/Amsterdam', legalForms: ['B.V.', 'N.V.'], phonePrefix: '+31 20', domain: 'nl' }, 7],
  [{ currency: 'EUR', timeZone: 'Europe/Madrid', legalForms: ['S.L.', 'S.A.'], phonePrefix: '+34 91', domain: 'es' }, 6],
  [{ currency: 'EUR', timeZone: 'Europe/Rome', legalForms: ['S.r.l.', 'S.p.A.'], phonePrefix: '+39 06', domain: 'it' }, 5],
  [{ currency: 'EUR', timeZone: 'Europe/Vienna', legalForms: ['GmbH', 'AG'], phonePrefix: '+43 1', domain: 'at' }, 4],
  [{ currency: 'EUR', timeZone: 'Europe/Dublin', legalForms: ['Ltd', 'DAC'], phonePrefix: '+353 1', domain: 'ie' }, 3],
  [{ currency: 'USD', timeZone: 'America/New_York', legalForms: ['Inc.', 'LLC', 'Corp.'], phonePrefix: '+1 212', domain: 'com' }, 12],
  [{ currency: 'USD', timeZone: 'America/Chicago', legalForms: ['Inc.', 'LLC'], phonePrefix: '+1 312', domain: 'com' }, 8],
  [{ currency: 'USD', timeZone: 'America/Denver', legalForms: ['LLC', 'Inc.'], phonePrefix: '+1 303', domain: 'com' }, 4],
  [{ currency: 'USD', timeZone: 'America/Los_Angeles', legalForms: ['Inc.', 'LLC'], phonePrefix: '+1 213', domain: 'com' }, 8],
  // Honolulu's contact hours (18:00–07:00 UTC) bridge the night between the US west coast's and Europe's, so at
  // any hour of the day some demo debtor may be called and a newcomer sees call tasks.
  [{ currency: 'USD', timeZone: 'Pacific/Honolulu', legalForms: ['Inc.', 'LLC'], phonePrefix: '+1 808', domain: 'com' }, 8],
  [{ currency: 'GBP', timeZone: 'Europe/London', legalForms: ['Ltd', 'PLC', 'LLP'], phonePrefix: '+44 20', domain: 'co.uk' }, 18],
];
