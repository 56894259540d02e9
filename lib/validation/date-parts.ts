/**
 * GOV.UK's date input asks for day, month and year in three fields (`<name>Day`, `<name>Month`, `<name>Year`); this
 * folds them into one ISO date under `name`, so one schema serves a page and an API that sends the date whole.
 */
export function foldDateParts(fields: Record<string, unknown>, name: string): Record<string, unknown> {
  const { [`${name}Day`]: day, [`${name}Month`]: month, [`${name}Year`]: year, ...rest } = fields;
  const parts = [year, month, day].map((p) => String(p ?? '').trim());
  if (parts.every((p) => p === '')) return rest;
  const [y, m, d] = parts;
  return { ...rest, [name]: `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` };
}
