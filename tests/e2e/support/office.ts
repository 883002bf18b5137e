import type { OfficeIdentity } from '../../../shared/domain/office';

/** The office most tests run as: a county judicial bureau under a city bureau. */
export const COUNTY_OFFICE: OfficeIdentity = {
  name: '青山县司法局',
  shortName: '青司',
  level: 'county',
  kind: 'judicial',
  divisionCode: '330104',
  superior: { name: '江州市司法局', divisionCode: '330100' },
};

/** Its superior, for tests that exchange packages between two offices. */
export const CITY_OFFICE: OfficeIdentity = {
  name: '江州市司法局',
  shortName: '江司',
  level: 'city',
  kind: 'judicial',
  divisionCode: '330100',
  superior: { name: '浙东省司法厅', divisionCode: '330000' },
};
