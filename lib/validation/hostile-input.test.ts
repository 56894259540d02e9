import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FUZZ_RUNS, hostileFormFields, hostileObjectLike, isPlainEnglishMessage } from '@/testing/hostile-input';
import { ZActivationCode } from './activation-code';
import { ZAlertReview } from './alert-review';
import { ZArchiveLookup } from './archive-lookup';
import { parseAuditFilter } from './audit-filter';
import { COMMAND_NAMES, parseCaseworkForm, parseRecordEditForm } from './casework-command';
import { ZChildSearch } from './child-search';
import { ZCitizenSignIn } from './citizen-sign-in';
import { CHANGE_SCHEMAS, type ChangeKey } from './correction-change';
import { ZCorrectionNoticeAcknowledgement, ZCorrectionNoticeQuery } from './correction-notice-acknowledgement';
import { ZCorrectionReply, ZCorrectionRequest } from './correction-request';
import { foldDateParts } from './date-parts';
import { ZIdentityStatement } from './identity-statement';
import { involvementSchema, ZIndication } from './involvement';
import { isPlainText } from './plain-text';
import { ZShieldChange } from './shield-change';
import { fieldErrors } from '@/lib/kernel/field-errors';
import { ZStaffSignIn, ZTokenCode } from './staff-sign-in';
import { ZActivation, ZCreateStaffUser, ZReason, ZVetting } from './staff-user';
import { ZStayOnRaise, ZStayOnReason } from './stay-on-casework';
import { ZStayOnRequest } from './stay-on';
import { ZShieldOverride, ZViewingPurpose } from './viewing-purpose';

type Parsed = { success: true; data: unknown } | { success: false; error: z.ZodError };
/** `secrets` are hashed, never stored or shown, so they may hold any character. */
type Form = { valid: Record<string, string>; parse: (fields: Record<string, string>) => Parsed; secrets?: string[] };

const schema = (s: z.ZodType) => (fields: Record<string, unknown>) => s.safeParse(fields) as Parsed;
const withDate = (s: z.ZodType, name: string) => (fields: Record<string, string>) => s.safeParse(foldDateParts(fields, name)) as Parsed;

const STATED_REASON = { reason: 'other', reasonDetail: 'Checking a referral' };
const CHANGE_FIELDS: Record<ChangeKey, Record<string, string>> = {
  'child:name': { givenNames: 'Amara', familyName: 'Okafor' },
  'child:dateOfBirth': { dateOfBirthDay: '4', dateOfBirthMonth: '3', dateOfBirthYear: '2015' },
  'child:gender': { gender: 'female' },
  'address:address': { line1: '12 Mill Lane', line2: '', town: 'Leeds', postcode: 'ls6 2ab' },
  'carer:details': { phone: '0113 496 0000', email: 'parent@example.com' },
  'carer:name': { givenNames: 'Ngozi', familyName: 'Okafor' },
  'carer:phone': { phone: '0113 496 0000' },
  'carer:email': { email: 'parent@example.com' },
};
const ITEMS: Record<ChangeKey, { itemKind: string; field: string }> = {
  'child:name': { itemKind: 'child', field: 'name' },
  'child:dateOfBirth': { itemKind: 'child', field: 'dateOfBirth' },
  'child:gender': { itemKind: 'child', field: 'gender' },
  'address:address': { itemKind: 'address', field: 'address' },
  'carer:details': { itemKind: 'carer', field: 'details' },
  'carer:name': { itemKind: 'carer', field: 'name' },
  'carer:phone': { itemKind: 'carer', field: 'phone' },
  'carer:email': { itemKind: 'carer', field: 'email' },
};

/** Every form the app has, with a valid filling: the property starts from it and spoils some fields. */
const FORMS: Record<string, Form> = {
  'citizen: correction request': { valid: { item: 'child:3b0f6a52-9c1e-4d2a-8f00-5d2c9a1e7b44:name', requestedValue: 'Amara Okafor', explanation: 'Spelt wrong' }, parse: schema(ZCorrectionRequest) },
  'citizen: correction request of an address': {
    valid: { item: 'address:3b0f6a52-9c1e-4d2a-8f00-5d2c9a1e7b44:address', line1: '12 Mill Lane', line2: '', town: 'Leeds', postcode: 'ls6 2ab', explanation: 'We moved' },
    parse: schema(ZCorrectionRequest),
  },
  'citizen: reply to the index team': { valid: { message: 'Here is the certificate number' }, parse: schema(ZCorrectionReply) },
  'citizen: stay on until 25': { valid: { basis: 'care_leaver', consent: 'yes' }, parse: schema(ZStayOnRequest) },
  'citizen: sign in': { valid: { email: 'young@example.com' }, parse: schema(ZCitizenSignIn) },
  'citizen: who I am': {
    valid: { relationship: 'parent', childGivenName: 'Amara', childFamilyName: 'Okafor', dateOfBirthDay: '4', dateOfBirthMonth: '3', dateOfBirthYear: '2015', postcode: 'LS6 2AB', parentGivenName: 'Ngozi', parentFamilyName: 'Okafor' },
    parse: withDate(ZIdentityStatement, 'dateOfBirth'),
  },
  'citizen: activation code': { valid: { code: '7QHMX 9KD4T' }, parse: schema(ZActivationCode) },
  'staff: search': { valid: { reason: 'working_with_child', familyName: 'Smith', givenName: 'Jo', dateOfBirthDay: '4', dateOfBirthMonth: '3', dateOfBirthYear: '2015', postcode: 'LS6', gender: '' }, parse: withDate(ZChildSearch, 'dateOfBirth') },
  'staff: why I open this record': { valid: STATED_REASON, parse: schema(ZViewingPurpose) },
  'staff: shield override': { valid: { reason: 'The child told their teacher they are frightened to go home' }, parse: schema(ZShieldOverride) },
  'staff: involvement': {
    valid: { serviceCode: 'school_nursing', role: 'School nurse', phone: '0113 496 0000', email: '', startedOnDay: '1', startedOnMonth: '9', startedOnYear: '2025', consentBasis: 'consent' },
    parse: withDate(involvementSchema(['sexual_health']), 'startedOn'),
  },
  'staff: indication': {
    valid: { kind: 'lead_professional', contactName: 'Sam Reed', contactPhone: '', contactEmail: 'sam@example.gov.uk', recordedOnDay: '1', recordedOnMonth: '9', recordedOnYear: '2025' },
    parse: withDate(ZIndication, 'recordedOn'),
  },
  'casework: shield or lift': { valid: { reason: 'Risk from a former partner', expectedVersion: '3' }, parse: schema(ZShieldChange) },
  'casework: alert review': { valid: { outcome: 'no_concern', note: 'Spoke to the practitioner' }, parse: schema(ZAlertReview) },
  'casework: raise stay-on': { valid: { basis: 'learning_difficulty', consentStatement: 'Yes, I want to stay on' }, parse: schema(ZStayOnRaise) },
  'casework: stay-on reason': { valid: { reason: 'Not eligible' }, parse: schema(ZStayOnReason) },
  'casework: archive lookup': { valid: { indexNumber: '0000 3NQK 8N1', ...STATED_REASON }, parse: schema(ZArchiveLookup) },
  'staff: sign in': { valid: { username: 'demo.teacher', password: 'correct-horse', pin: '246810', code: '123456' }, parse: schema(ZStaffSignIn), secrets: ['password'] },
  'staff: token code': { valid: { code: '123456' }, parse: schema(ZTokenCode) },
  'staff: activate account': { valid: { password: 'a long passphrase', pin: '135790', pinAgain: '135790' }, parse: schema(ZActivation), secrets: ['password'] },
  'admin: new user': {
    valid: { username: 'new.user', displayName: 'New User', email: 'new@example.gov.uk', role: 'practitioner', organisationId: '3b0f6a52-9c1e-4d2a-8f00-5d2c9a1e7b44', hasChildProtectionRole: 'no', sensitiveServiceCode: '' },
    parse: schema(ZCreateStaffUser),
  },
  'admin: vetting': { valid: { trainingCompletedOn: '2026-01-05', userAgreementSignedOn: '', policeCheckIssuedOn: '2026-03-31' }, parse: schema(ZVetting) },
  'admin: account change reason': { valid: { reason: 'Left the school' }, parse: schema(ZReason) },
  'audit: filter': {
    valid: { indexNumber: '', username: 'demo.teacher', organisationId: '', action: 'child.search', fromDay: '1', fromMonth: '11', fromYear: '2026', toDay: '', toMonth: '', toYear: '' },
    parse: (fields) => parseAuditFilter(fields) as Parsed,
  },
  ...Object.fromEntries(
    COMMAND_NAMES.filter((c) => c !== 'apply').map((command) => [
      `casework: ${command}`,
      {
        valid: { toStaffId: '3b0f6a52-9c1e-4d2a-8f00-5d2c9a1e7b44', question: 'Which school?', expectedVersion: '2', note: 'Check the spelling', reason: 'No evidence', closeReason: 'Withdrawn' },
        parse: (fields: Record<string, string>) => parseCaseworkForm(command, fields, ITEMS['child:name']) as Parsed,
      },
    ]),
  ),
  ...Object.fromEntries(
    (Object.keys(CHANGE_SCHEMAS) as ChangeKey[]).flatMap((key) => [
      [`casework: apply ${key}`, { valid: { ...CHANGE_FIELDS[key], expectedVersion: '2' }, parse: (fields: Record<string, string>) => parseCaseworkForm('apply', fields, ITEMS[key]) as Parsed }],
      [`casework: edit ${key}`, { valid: { ...CHANGE_FIELDS[key], expectedVersion: '2', reason: 'Birth certificate seen' }, parse: (fields: Record<string, string>) => parseRecordEditForm(key, fields) as Parsed }],
    ]),
  ),
};

/** Every string in a parsed value: what the domain functions would be handed. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function expectValidOrPlainErrors(parse: () => Parsed, secrets: string[] = []) {
  let result: Parsed | undefined;
  expect(() => (result = parse())).not.toThrow();
  if (result!.success) {
    // Nothing a person could not have typed gets through to a query, an email or the audit trail.
    const stored = Object.fromEntries(Object.entries(result!.data as object).filter(([name]) => !secrets.includes(name)));
    for (const text of stringsIn(stored)) expect(isPlainText(text), JSON.stringify(text)).toBe(true);
    return;
  }
  const errors = fieldErrors(result!.error);
  expect(Object.keys(errors).length).toBeGreaterThan(0);
  for (const [field, message] of Object.entries(errors)) expect(isPlainEnglishMessage(message), `${field}: ${message}`).toBe(true);
}

describe('hostile input to every form’s schema', () => {
  for (const [name, form] of Object.entries(FORMS)) {
    it(`${name}: accepts its valid filling, and any fields give a valid value or plain-English field errors, never a throw`, () => {
      expect(form.parse(form.valid).success, JSON.stringify(form.parse(form.valid))).toBe(true);
      fc.assert(
        fc.property(hostileFormFields(form.valid), (fields) => expectValidOrPlainErrors(() => form.parse(fields), form.secrets)),
        { numRuns: FUZZ_RUNS.quick },
      );
    });
  }
});

describe('hostile input to the API’s schemas', () => {
  it('a search: any JSON object gives a search of plain text or plain-English field errors', () => {
    const valid = { reason: 'working_with_child', familyName: 'Smith', givenName: 'Jo', dateOfBirth: '2015-03-04', postcode: 'LS6 2AB', gender: 'female', indexNumber: '', reasonDetail: '' };
    fc.assert(fc.property(hostileObjectLike(valid), (body) => expectValidOrPlainErrors(() => ZChildSearch.safeParse(body) as Parsed)), { numRuns: FUZZ_RUNS.quick });
  });

  it('correction notices: any acknowledgement body and any ?limit=', () => {
    const ids = { ids: ['3b0f6a52-9c1e-4d2a-8f00-5d2c9a1e7b44'] };
    fc.assert(fc.property(hostileObjectLike(ids), (body) => expectValidOrPlainErrors(() => ZCorrectionNoticeAcknowledgement.safeParse(body) as Parsed)), { numRuns: FUZZ_RUNS.quick });
    fc.assert(fc.property(hostileFormFields({ limit: '10' }), (query) => expectValidOrPlainErrors(() => ZCorrectionNoticeQuery.safeParse(query) as Parsed)), { numRuns: FUZZ_RUNS.quick });
  });
});

describe('the text a schema lets through', () => {
  it('refuses NUL, control characters and half surrogate pairs, keeping tabs, line breaks and any real character', () => {
    const errorsOf = (requestedValue: string) => fieldErrors(ZCorrectionRequest.safeParse({ item: 'child:x:name', requestedValue }).error ?? new Error() as never);
    for (const hostile of ['Smith\u0000', '\u001b[31mred', 'a\ud800', '\udc00', 'x\u007f']) {
      expect(errorsOf(hostile)).toEqual({ requestedValue: 'Use only letters, numbers, spaces and punctuation' });
    }
    for (const fine of ['Line one\r\nline two\tend', 'Zoë Ångström', '😀', "O'Brien; DROP TABLE children; --"]) {
      expect(ZCorrectionRequest.safeParse({ item: 'child:x:name', requestedValue: fine }).success).toBe(true);
    }
  });

  it('refuses dates and moments PostgreSQL cannot hold or no child has, with the field’s own message', () => {
    expect(fieldErrors(ZChildSearch.safeParse({ reason: 'working_with_child', familyName: 'Smith', dateOfBirth: '0000-01-01' }).error!)).toEqual({
      dateOfBirth: 'Enter the date of birth as year, month and day, like 2015-03-04',
    });
    expect(fieldErrors(ZChildSearch.safeParse({ reason: 'working_with_child', familyName: 42, dateOfBirth: 20150304, gender: 7 }).error!)).toEqual({
      familyName: 'Family name must be text',
      dateOfBirth: 'Enter the date of birth as year, month and day, like 2015-03-04',
      gender: 'Gender must be female, male or not_specified',
    });
    for (const moment of ['2026-13-45T99:99:99.000000Z', '2026-02-30T10:00:00.000000Z', '0000-01-01T00:00:00.000000Z']) {
      expect(fieldErrors(parseAuditFilter({ before: `${moment}_12` }).error!)).toEqual({ before: 'Go back to the first page and page through again' });
    }
    expect(parseAuditFilter({ after: '2026-11-25T10:00:00.123456Z_12' }).success).toBe(true);
  });
});
