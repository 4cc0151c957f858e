/** The demo store's customers: 60 people with addresses in the US, Canada and the UK. */
const FIRST = ['Ann', 'Ben', 'Chloe', 'Diego', 'Emma', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jamal', 'Kate', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tara'];
const LAST = ['Lee', 'Garcia', 'Smith', 'Okafor', 'Nguyen', 'Brown', 'Kowalski'];
const PLACES: [string, string, string, string][] = [
  ['Portland', 'OR', '97205', 'US'],
  ['Austin', 'TX', '78701', 'US'],
  ['Denver', 'CO', '80202', 'US'],
  ['Brooklyn', 'NY', '11201', 'US'],
  ['Chicago', 'IL', '60607', 'US'],
  ['Seattle', 'WA', '98101', 'US'],
  ['Boston', 'MA', '02118', 'US'],
  ['Toronto', 'ON', 'M5H 2N2', 'CA'],
  ['Vancouver', 'BC', 'V6B 1A1', 'CA'],
  ['London', '', 'SW1A 1AA', 'GB'],
];
const DOMAINS = ['example.com', 'example.org', 'example.net'];

export interface DemoPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  address1: string;
  city: string;
  province: string;
  zip: string;
  country: string;
}

export function demoPeople(count = 60): DemoPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = LAST[i % LAST.length]!;
    const [city, province, zip, country] = PLACES[i % PLACES.length]!;
    return {
      id: String(9000 + i),
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}${i}@${DOMAINS[i % DOMAINS.length]}`,
      phone: `+1 555 01${String(i).padStart(2, '0')} ${String(1000 + i * 7).slice(-4)}`,
      address1: `${100 + i * 3} ${['Pine', 'Oak', 'Maple', 'Cedar', 'Elm'][i % 5]} Street`,
      city,
      province,
      zip,
      country,
    };
  });
}
