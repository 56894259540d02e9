import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIResponse, Page } from '@playwright/test';
import { demoApiClient } from '@/lib/reference/demo-credentials';
import { appActions, appRoutes, type AppAction, type AppRoute } from './support/app-routes';
import { citizenEmail, signInAsCitizen } from './support/citizen';
import { expect, test } from './support/fixtures';
import { e2eChildren } from './support/fixtures-file';
import { searchByNameAndBirth } from './support/search';
import { builtActions, postAction } from './support/server-actions';
import { signInAsDemo } from './support/staff';

// Who may reach what: every page, route handler and server action in the app, found from the files, for every kind
// of user, with the answer each must get. A new page, route or action fails the first test until it is given a row.

const ROLES = ['anonymous', 'citizen', 'practitioner', 'sensitive', 'childProtection', 'caseworker', 'administrator', 'national', 'apiClient'] as const;
type Role = (typeof ROLES)[number];
const DEMO_ACCOUNTS: Partial<Record<Role, string>> = {
  practitioner: 'demo.teacher',
  sensitive: 'demo.sexualhealth',
  childProtection: 'demo.socialworker',
  caseworker: 'demo.caseworker',
  administrator: 'demo.admin',
  national: 'demo.national',
};
const STAFF: Role[] = ['practitioner', 'sensitive', 'childProtection', 'caseworker', 'administrator', 'national'];
const PRACTITIONERS: Role[] = ['practitioner', 'sensitive', 'childProtection'];
const ADMINISTRATORS: Role[] = ['administrator', 'national'];

type Answer =
  | 'ok'
  | 'staff sign-in'
  | 'portal sign-in'
  | 'forbidden'
  | 'not found'
  | 'unauthorised'
  | 'invalid'
  | 'method not allowed'
  | `redirect ${string}`
  /** A server action that ran past its guard (and refused the empty form, or redirected to a page of its own). */
  | 'past the guard';
type Expected = Record<Role, Answer>;

const everyone = (answer: Answer, overrides: Partial<Expected> = {}): Expected => ({ ...(Object.fromEntries(ROLES.map((r) => [r, answer])) as Expected), ...overrides });
/** requireStaff(...roles): no staff session, off to sign in; the wrong role, 403. */
const staff = (allowed: Role[], answer: Answer = 'ok'): Expected =>
  everyone('staff sign-in', Object.fromEntries(STAFF.map((r) => [r, allowed.includes(r) ? answer : 'forbidden'])));
/** requireCitizen(): anyone without a citizen session, off to the portal's sign-in. */
const citizen = (answer: Answer = 'ok'): Expected => everyone('portal sign-in', { citizen: answer });

/** Pages (GET) and route handlers (each method they export), by the pattern of their folder. */
const ROUTES: Record<string, Expected> = {
  'GET /': everyone('ok'),
  'GET /accessibility': everyone('ok'),
  'GET /privacy': everyone('ok'),
  // The demo's stand-in inbox exists only without a mail server; the e2e run has one.
  'GET /dev-mailbox': everyone('not found'),
  'GET /dev-mailbox/[file]/[index]': everyone('not found'),
  'GET /api/health': everyone('ok'),
  // Where the proxy hands a request it refused, to be audited; asked for directly, it is not there.
  'GET /refused-request': everyone('not found'),
  'POST /refused-request': everyone('not found'),
  'GET /api/auth/[...nextauth]': everyone('ok'),
  // next-auth refuses a POST without its own CSRF token (e2e/cross-site-requests.spec.ts sends one from another site).
  'POST /api/auth/[...nextauth]': everyone('invalid'),
  'GET /api/citizen-auth/[...nextauth]': everyone('ok'),
  'POST /api/citizen-auth/[...nextauth]': everyone('invalid'),
  // Search details never go in an address.
  'GET /api/v1/children/search': everyone('method not allowed'),
  // A practitioner's or caseworker's session, or an API key; the empty search is then refused as invalid.
  'POST /api/v1/children/search': everyone('unauthorised', { ...staff([...PRACTITIONERS, 'caseworker'], 'invalid'), anonymous: 'unauthorised', citizen: 'unauthorised', apiClient: 'invalid' }),
  'GET /api/v1/correction-notices': everyone('unauthorised', { apiClient: 'ok' }),
  'POST /api/v1/correction-notices/acknowledgements': everyone('unauthorised', { apiClient: 'invalid' }),
  // A source system's delivery: an API key only; without ?source= the upload is refused as invalid.
  'POST /api/v1/loads': everyone('unauthorised', { apiClient: 'invalid' }),
  // A load's status: an API key only, and only the client's own organisation's loads (here: nobody's).
  'GET /api/v1/loads/[loadId]': everyone('unauthorised', { apiClient: 'not found' }),

  'GET /portal': everyone('ok'),
  'GET /portal/sign-in': everyone('ok', { citizen: 'redirect /portal/records' }),
  'GET /portal/check-your-email': everyone('ok'),
  'GET /portal/records': citizen(),
  'GET /portal/link-record': citizen(),
  'GET /portal/link-record/code': citizen(),
  // Another citizen's (here: nobody's) link or request is not found, never shown.
  'GET /portal/link-record/linked/[linkId]': citizen('not found'),
  'GET /portal/records/[linkId]': citizen('not found'),
  'GET /portal/records/[linkId]/corrections/new': citizen('not found'),
  'GET /portal/records/[linkId]/parent-access': citizen('not found'),
  'GET /portal/records/[linkId]/stay-on': citizen('not found'),
  'GET /portal/requests': citizen(),
  'GET /portal/requests/[requestId]/reply': citizen('not found'),
  'GET /portal/requests/sent': citizen('not found'),

  'GET /staff/sign-in': everyone('ok'),
  // Only in the middle of a sign-in, with the enrolment cookie that step sets.
  'GET /staff/enrol-token': everyone('staff sign-in'),
  'GET /staff/activate/[token]': everyone('ok'),
  'GET /staff': staff(STAFF),
  'GET /staff/search': staff([...PRACTITIONERS, 'caseworker']),
  'GET /staff/admin': staff(ADMINISTRATORS),
  'GET /staff/admin/users/new': staff(ADMINISTRATORS),
  'GET /staff/admin/users/[id]': staff(ADMINISTRATORS, 'not found'),
  'GET /staff/admin/organisations': staff(ADMINISTRATORS),
  'GET /staff/admin/organisations/[organisationId]': staff(ADMINISTRATORS, 'not found'),
  'GET /staff/admin/organisations/[organisationId]/services/[serviceCode]': staff(ADMINISTRATORS, 'not found'),
  'GET /staff/audit': staff(['caseworker', ...ADMINISTRATORS]),
  'GET /staff/audit/events/[eventId]': staff(['caseworker', ...ADMINISTRATORS], 'not found'),
  'GET /staff/audit/export': staff(['caseworker', ...ADMINISTRATORS]),
  'GET /staff/casework': staff(['caseworker']),
  'GET /staff/casework/[requestId]': staff(['caseworker'], 'not found'),
  'GET /staff/casework/[requestId]/[decision]': staff(['caseworker'], 'not found'),
  'GET /staff/casework/alerts': staff(['caseworker']),
  'GET /staff/casework/alerts/[alertId]': staff(['caseworker'], 'not found'),
  'GET /staff/casework/archive': staff(['caseworker']),
  'GET /staff/casework/loads': staff(['caseworker']),
  'GET /staff/casework/loads/[loadId]': staff(['caseworker'], 'not found'),
  'GET /staff/casework/loads/[loadId]/progress': staff(['caseworker'], 'not found'),
  'GET /staff/casework/loads/new': staff(['caseworker']),
  // The upload page's form (multipart): the matrix's empty body is no such form.
  'POST /staff/casework/loads/upload': staff(['caseworker'], 'invalid'),
  'GET /staff/casework/loads/reviews/[reviewId]': staff(['caseworker'], 'not found'),
  // An archived record is shown only from the audited lookup that found it.
  'GET /staff/casework/archive/[childId]': staff(['caseworker'], 'redirect /staff/casework/archive'),
  'GET /staff/casework/stay-on': staff(['caseworker']),
  'GET /staff/casework/stay-on/[requestId]': staff(['caseworker'], 'not found'),
  'GET /staff/casework/stay-on/[requestId]/[decision]': staff(['caseworker'], 'not found'),
  // A record (and every page reached from it) needs a stated reason first: without one, the record's page asks why
  // (a made-up child is not found; e2e/child-record.spec.ts opens a real one without a search).
  'GET /staff/children/[childId]': staff([...PRACTITIONERS, 'caseworker'], 'not found'),
  'GET /staff/children/[childId]/household': staff([...PRACTITIONERS, 'caseworker'], 'not found'),
  'GET /staff/children/[childId]/involvement': staff(PRACTITIONERS, 'redirect /staff/children/[childId]'),
  'GET /staff/children/[childId]/indication': staff(PRACTITIONERS, 'redirect /staff/children/[childId]'),
  'GET /staff/children/[childId]/shield': staff(['caseworker'], 'redirect /staff/children/[childId]'),
  'GET /staff/children/[childId]/stay-on': staff(['caseworker'], 'redirect /staff/children/[childId]'),
  'GET /staff/children/[childId]/edit': staff(['caseworker'], 'not found'),
  'GET /staff/children/[childId]/edit/[item]': staff(['caseworker'], 'not found'),
};

/** Server actions, by file and export. The ways in have no guard: each checks its own credential. */
const ACTIONS: Record<string, Expected> = {
  'app/portal/sign-in/sign-in.action.ts#citizenSignInAction': everyone('past the guard'),
  'app/staff/sign-in/sign-in.action.ts#signInAction': everyone('past the guard'),
  'app/staff/activate/[token]/activate.action.ts#activateAction': everyone('past the guard'),
  // Setting up a token is only for the sign-in under way in the enrolment cookie; without it, back to sign in.
  'app/staff/enrol-token/enrol-token.action.ts#enrolTokenAction': everyone('staff sign-in'),

  'app/portal/sign-out.action.ts#citizenSignOutAction': citizen('past the guard'),
  'app/portal/link-record/state-identity.action.ts#stateIdentityAction': citizen('past the guard'),
  'app/portal/link-record/code/verify-code.action.ts#verifyCodeAction': citizen('past the guard'),
  'app/portal/records/[linkId]/corrections/new/raise-correction.action.ts#raiseCorrectionAction': citizen('past the guard'),
  'app/portal/records/[linkId]/parent-access/parent-access.action.ts#parentAccessAction': citizen('past the guard'),
  'app/portal/records/[linkId]/stay-on/stay-on.action.ts#stayOnAction': citizen('past the guard'),
  'app/portal/requests/[requestId]/reply/reply.action.ts#replyAction': citizen('past the guard'),
  'app/portal/requests/withdraw-stay-on.action.ts#withdrawStayOnAction': citizen('past the guard'),
  'app/portal/records/ask/ask-young-person.action.ts#askYoungPersonAction': citizen('past the guard'),

  'app/staff/sign-out.action.ts#signOutAction': staff(STAFF, 'past the guard'),
  'app/staff/sign-out.action.ts#signOutEverywhereAction': staff(STAFF, 'past the guard'),
  'app/staff/search/search.action.ts#searchAction': staff([...PRACTITIONERS, 'caseworker'], 'past the guard'),
  'app/staff/children/[childId]/purpose.action.ts#purposeAction': staff([...PRACTITIONERS, 'caseworker'], 'past the guard'),
  'app/staff/children/[childId]/override.action.ts#overrideAction': staff(PRACTITIONERS, 'past the guard'),
  'app/staff/children/[childId]/involvement/record-involvement.action.ts#recordInvolvementAction': staff(PRACTITIONERS, 'past the guard'),
  'app/staff/children/[childId]/indication/record-indication.action.ts#recordIndicationAction': staff(PRACTITIONERS, 'past the guard'),
  'app/staff/children/[childId]/end-item.action.ts#endInvolvementAction': staff(PRACTITIONERS, 'past the guard'),
  'app/staff/children/[childId]/end-item.action.ts#endIndicationAction': staff(PRACTITIONERS, 'past the guard'),
  'app/staff/children/[childId]/shield/shield.action.ts#shieldChangeAction': staff(['caseworker'], 'past the guard'),
  'app/staff/children/[childId]/stay-on/raise-stay-on.action.ts#raiseStayOnAction': staff(['caseworker'], 'past the guard'),
  'app/staff/children/[childId]/edit/[item]/edit-item.action.ts#editItemAction': staff(['caseworker'], 'past the guard'),
  'app/staff/casework/[requestId]/casework.action.ts#caseworkAction': staff(['caseworker'], 'past the guard'),
  'app/staff/casework/alerts/[alertId]/review-alert.action.ts#reviewAlertAction': staff(['caseworker'], 'past the guard'),
  'app/staff/casework/loads/reviews/[reviewId]/decide-match.action.ts#decideMatchAction': staff(['caseworker'], 'past the guard'),
  'app/staff/casework/archive/look-up-archived.action.ts#lookUpArchivedAction': staff(['caseworker'], 'past the guard'),
  'app/staff/casework/stay-on/[requestId]/stay-on-decision.action.ts#stayOnDecisionAction': staff(['caseworker'], 'past the guard'),
  'app/staff/admin/users/new/create-user.action.ts#createUserAction': staff(ADMINISTRATORS, 'past the guard'),
  'app/staff/admin/users/[id]/account.action.ts#recordVettingAction': staff(ADMINISTRATORS, 'past the guard'),
  'app/staff/admin/users/[id]/account.action.ts#changeStatusAction': staff(ADMINISTRATORS, 'past the guard'),
  'app/staff/admin/users/[id]/account.action.ts#approvePrivilegesAction': staff(ADMINISTRATORS, 'past the guard'),
  'app/staff/admin/organisations/[organisationId]/add-service.action.ts#addServiceAction': staff(ADMINISTRATORS, 'past the guard'),
  'app/staff/admin/organisations/[organisationId]/services/[serviceCode]/change-service.action.ts#changeServiceAction': staff(ADMINISTRATORS, 'past the guard'),
};

/** Signing out ends the session the rest of the run needs: for the roles allowed it, e2e/staff-sign-in.spec.ts and e2e/portal.spec.ts sign out. */
const ENDS_THE_SESSION = new Set(['app/portal/sign-out.action.ts#citizenSignOutAction', 'app/staff/sign-out.action.ts#signOutAction', 'app/staff/sign-out.action.ts#signOutEverywhereAction']);

const root = path.resolve(import.meta.dirname, '..');
const routeMethods = (route: AppRoute) =>
  route.kind === 'page' ? ['GET'] : ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => new RegExp(`export (const|async function|function) (\\{[^}]*\\b${m}\\b[^}]*\\}|${m}\\b)`).test(readFileSync(path.join(root, route.file), 'utf8')));
const requests = appRoutes().flatMap((route) => routeMethods(route).map((method) => ({ key: `${method} ${route.pattern}`, method, route })));
const actionKey = (a: AppAction) => `${a.file}#${a.name}`;

function answerOf(response: APIResponse, route: AppRoute): string {
  const status = response.status();
  if (status >= 300 && status < 400) {
    const location = new URL(response.headers().location ?? '', 'http://app.invalid').pathname;
    if (location === '/staff/sign-in') return 'staff sign-in';
    if (location === '/portal/sign-in') return 'portal sign-in';
    const placeholders = route.pattern.split('/').map((s, i) => [route.path.split('/')[i], s] as const).filter(([value, s]) => value !== s);
    return `redirect ${placeholders.reduce((l, [value, s]) => l.replace(value!, s), location)}`;
  }
  return ({ 400: 'invalid', 401: 'unauthorised', 403: 'forbidden', 404: 'not found', 405: 'method not allowed' } as Record<number, string>)[status] ?? (status < 300 ? 'ok' : `status ${status}`);
}

/** A field every action is posted with. */
const PROBE = { probe: 'access-matrix-probe' };
/**
 * Actions that answer a form they refuse (here: one without its fields) with the whole form handed back, so their
 * answer must carry the probe: proof that the allowed role's form reached the action, not an empty one.
 */
const HANDS_THE_FORM_BACK = new Set([
  'app/staff/search/search.action.ts#searchAction',
  'app/staff/children/[childId]/purpose.action.ts#purposeAction',
  'app/staff/admin/users/new/create-user.action.ts#createUserAction',
  'app/staff/admin/organisations/[organisationId]/add-service.action.ts#addServiceAction',
  'app/portal/link-record/state-identity.action.ts#stateIdentityAction',
]);
const handsValuesBack = (action: AppAction) => HANDS_THE_FORM_BACK.has(`${action.file}#${action.name}`);

async function actionAnswerOf(response: APIResponse, action: AppAction): Promise<string> {
  const status = response.status();
  if (response.headers()['x-nextjs-action-not-found']) return 'no such action on that page';
  if (status === 403) return 'forbidden';
  const redirect = (response.headers()['x-action-redirect'] ?? '').split(';')[0]!;
  if (redirect.startsWith('/staff/sign-in')) return 'staff sign-in';
  if (redirect.startsWith('/portal/sign-in')) return 'portal sign-in';
  if (status >= 500) return `status ${status}`;
  // Past the guard with the form as posted, not an empty one: the form's answer carries the field back.
  if (status === 200 && !redirect && handsValuesBack(action) && !(await response.text()).includes(PROBE.probe)) return 'past the guard, but the form was not read';
  return 'past the guard';
}

const axeChecked = new Set<string>();

async function signIn(page: Page, role: Role) {
  const account = DEMO_ACCOUNTS[role];
  if (account) await signInAsDemo(page, account);
  if (role === 'citizen') await signInAsCitizen(page, citizenEmail('access.matrix'));
}

test.describe('[ACCESS] every page, route and action, for every kind of user', () => {
  test('every page, route handler and server action in the app has an expected answer, and every answer a route', () => {
    expect(requests.map((r) => r.key).sort()).toEqual(Object.keys(ROUTES).sort());
    expect(appActions().map(actionKey).sort()).toEqual(Object.keys(ACTIONS).sort());
    // The build holds every action found in the source, so each can be called below.
    const built = builtActions();
    expect(appActions().filter((a) => !built.has(actionKey(a))).map(actionKey)).toEqual([]);
  });

  for (const role of ROLES) {
    test(`[${role.toUpperCase()}] gets the expected answer from every page, route and action; every page it may see passes axe`, async ({ page, expectAccessible, baseURL }) => {
      test.slow(); // a sign-in that may wait for a fresh code, then some 80 requests and an axe check of each page it sees
      await signIn(page, role);
      const request = page.request;
      const headers: Record<string, string> = role === 'apiClient' ? { authorization: `Bearer ${demoApiClient().key}` } : {};
      const origin = new URL(baseURL!).origin;

      const wrong: string[] = [];
      for (const { key, method, route } of requests) {
        const response = await request.fetch(route.path, { method, headers: { origin, ...headers }, data: method === 'GET' ? undefined : {}, maxRedirects: 0 });
        const answer = answerOf(response, route);
        if (answer !== ROUTES[key]![role]) wrong.push(`${key}: ${answer}, expected ${ROUTES[key]![role]}`);
        // Every page this user sees is checked with axe-core (WCAG 2.2 A and AA), once per run.
        if (route.kind === 'page' && answer === 'ok' && !axeChecked.has(route.pattern)) {
          await page.goto(route.path);
          await expectAccessible();
          axeChecked.add(route.pattern);
        }
      }

      const built = builtActions();
      for (const action of appActions()) {
        const key = actionKey(action);
        const expected = ACTIONS[key]![role];
        if (expected === 'past the guard' && ENDS_THE_SESSION.has(key)) continue;
        const answer = await actionAnswerOf(await postAction(request, action, built.get(key)!, origin, { headers, fields: PROBE }), action);
        if (answer !== expected) wrong.push(`${key}: ${answer}, expected ${expected}`);
      }
      expect(wrong, `answers to ${role}`).toEqual([]);
    });
  }
});

// Pages the matrix above cannot show (they need a real record, request or link), and the test that checks each with
// axe-core on the way through a journey. Every other page is checked by the matrix, as the first user who may see it.
const AXE_ELSEWHERE: Record<string, { spec: string; title: string }> = {
  '/portal/link-record/linked/[linkId]': { spec: 'keyboard-journeys.spec.ts', title: '[CITIZEN] [A11Y] a young person signs in, proves who they are' },
  '/portal/records/[linkId]': { spec: 'portal.spec.ts', title: '[CITIZEN] a young person proves who they are with the posted code' },
  '/portal/records/[linkId]/corrections/new': { spec: 'portal.spec.ts', title: '[CITIZEN] a young person proves who they are with the posted code' },
  '/portal/records/[linkId]/parent-access': { spec: 'portal.spec.ts', title: '[CITIZEN] a young person proves who they are with the posted code' },
  '/portal/records/[linkId]/stay-on': { spec: 'keyboard-journeys.spec.ts', title: '[CITIZEN] [A11Y] a young person signs in, proves who they are' },
  '/portal/requests/sent': { spec: 'portal.spec.ts', title: '[CITIZEN] a young person proves who they are with the posted code' },
  '/portal/requests/[requestId]/reply': { spec: 'keyboard-journeys.spec.ts', title: '[CITIZEN] [A11Y] a young person signs in, proves who they are' },
  '/staff/enrol-token': { spec: 'staff-sign-in.spec.ts', title: 'a new user sets up their security token at first sign-in' },
  '/staff/admin/users/[id]': { spec: 'staff-admin.spec.ts', title: '[ADMIN] an access manager creates a user, records their vetting' },
  '/staff/admin/organisations/[organisationId]': { spec: 'staff-admin.spec.ts', title: '[ADMIN] an access manager adds a service an organisation provides' },
  '/staff/admin/organisations/[organisationId]/services/[serviceCode]': { spec: 'staff-admin.spec.ts', title: '[ADMIN] an access manager adds a service an organisation provides' },
  '/staff/audit/events/[eventId]': { spec: 'audit-explorer.spec.ts', title: '[AUDIT] an access manager sees who looked at a child, opens the search' },
  '/staff/casework/[requestId]': { spec: 'casework.spec.ts', title: '[CASEWORK] a young person asks for their address to be corrected' },
  '/staff/casework/[requestId]/[decision]': { spec: 'casework.spec.ts', title: '[CASEWORK] a young person asks for their address to be corrected' },
  '/staff/casework/alerts/[alertId]': { spec: 'shielding.spec.ts', title: '[SHIELD] the index team shields a record' },
  '/staff/casework/loads/[loadId]': { spec: 'source-loads.spec.ts', title: 'a system client uploads a load, the same file again changes nothing' },
  '/staff/casework/loads/reviews/[reviewId]': { spec: 'source-loads.spec.ts', title: 'a row that resembles a shielded child waits for the index team' },
  '/staff/casework/stay-on/[requestId]': { spec: 'stay-on.spec.ts', title: '[CASEWORK] a young person asks to stay on until 25' },
  '/staff/casework/stay-on/[requestId]/[decision]': { spec: 'stay-on.spec.ts', title: '[CASEWORK] a young person asks to stay on until 25' },
  '/staff/children/[childId]': { spec: 'child-record.spec.ts', title: '[RECORD] a practitioner finds a child from a misspelt name' },
  '/staff/children/[childId]/household': { spec: 'child-record.spec.ts', title: '[RECORD] a record opened without a search asks why, and the household list' },
  '/staff/children/[childId]/involvement': { spec: 'child-record.spec.ts', title: '[RECORD] a practitioner finds a child from a misspelt name' },
  '/staff/children/[childId]/indication': { spec: 'keyboard-journeys.spec.ts', title: '[SEARCH] [A11Y] a practitioner signs in, searches with a reason' },
  '/staff/children/[childId]/shield': { spec: 'shielding.spec.ts', title: '[SHIELD] the index team shields a record' },
  '/staff/children/[childId]/stay-on': { spec: 'keyboard-journeys.spec.ts', title: '[CITIZEN] [A11Y] a young person signs in, proves who they are' },
  '/staff/children/[childId]/edit': { spec: 'record-edit.spec.ts', title: '[CASEWORK] a caseworker changes an address directly' },
  '/staff/children/[childId]/edit/[item]': { spec: 'record-edit.spec.ts', title: '[CASEWORK] a caseworker changes an address directly' },
};
/**
 * Not checked with axe in the e2e run, and why: the demo's stand-in inbox exists only without a mail server (the run
 * has one); an archived record needs a child who has left the index, which the e2e population does not have.
 */
const AXE_NOT_REACHABLE = ['/dev-mailbox', '/staff/casework/archive/[childId]'];

test('[A11Y] every page is checked with axe-core: by the matrix above, or by the journey named for it', () => {
  const pages = appRoutes().filter((r) => r.kind === 'page').map((r) => r.pattern);
  const byMatrix = pages.filter((p) => ROLES.some((role) => ROUTES[`GET ${p}`]![role] === 'ok'));
  const rest = pages.filter((p) => !byMatrix.includes(p)).sort();
  expect(rest).toEqual([...Object.keys(AXE_ELSEWHERE), ...AXE_NOT_REACHABLE].sort());
  for (const [page, { spec, title }] of Object.entries(AXE_ELSEWHERE)) {
    const source = readFileSync(path.join(root, 'e2e', spec), 'utf8');
    const start = source.indexOf(`test('${title}`);
    expect(start, `${page}: ${spec} has the test`).toBeGreaterThanOrEqual(0);
    const next = source.slice(start + 1).search(/\n\s*test\(/);
    expect(source.slice(start, next === -1 ? undefined : start + 1 + next), `${page}: that test checks with axe`).toContain('expectAccessible(');
  }
});

test('[ACCESS] the matrix posts a form as the browser does: a practitioner’s search posted to the action finds the child', async ({ page, baseURL }) => {
  const { ordinary } = e2eChildren();
  await signInAsDemo(page, 'demo.teacher');
  const search = appActions().find((a) => a.name === 'searchAction')!;
  const [year, month, day] = ordinary.dateOfBirth.split('-');
  const fields = { reason: 'working_with_child', familyName: ordinary.familyName, givenName: ordinary.givenNames.split(' ')[0]!, dateOfBirthDay: String(Number(day)), dateOfBirthMonth: String(Number(month)), dateOfBirthYear: year! };
  const response = await postAction(page.request, search, builtActions().get(actionKey(search))!, new URL(baseURL!).origin, { fields });
  expect(response.status()).toBe(200);
  const answer = await response.text();
  expect(answer).toContain(ordinary.indexNumber);
  expect(answer).not.toContain('Enter a family name');
});

test.describe('[ACCESS] horizontal: a record only with one’s own purpose', () => {
  test('[STAFF] a practitioner reaches no record, and writes to none, without their own audited reason for that child', async ({ page, baseURL }) => {
    const { ordinary, involved } = e2eChildren();
    await signInAsDemo(page, 'demo.teacher');
    await searchByNameAndBirth(page, ordinary);
    const result = page.getByRole('link', { name: `${ordinary.givenNames} ${ordinary.familyName}` });
    const purpose = new URL((await result.getAttribute('href'))!, baseURL).searchParams.get('purpose')!;
    expect(purpose).toMatch(/^\d+$/);

    // The search's id opens the child it found…
    const found = await page.request.get(`/staff/children/${ordinary.id}?purpose=${purpose}`);
    expect(await found.text()).toContain(ordinary.familyName);
    // …but not another child: the id of a search is no reason to open every record. The page asks why, showing nothing.
    for (const cited of ['', `?purpose=${purpose}`]) {
      const other = await page.request.get(`/staff/children/${involved.id}${cited}`);
      expect(other.status()).toBe(200);
      const html = await other.text();
      expect(html).toContain('Why do you need to see this record?');
      expect(html).not.toContain(involved.familyName);
      expect(html).not.toContain(involved.postcode);
      for (const part of ['household', 'involvement', 'indication']) {
        const response = await page.request.get(`/staff/children/${involved.id}/${part}${cited}`, { maxRedirects: 0 });
        expect([307, 404], `${part}${cited}`).toContain(response.status());
        if (response.status() === 307) expect(new URL(response.headers().location!, baseURL).pathname).toBe(`/staff/children/${involved.id}`);
      }
    }

    // Nor can the practitioner record involvement with that child by posting the form with the other child's reason.
    const recordInvolvement = appActions().find((a) => a.name === 'recordInvolvementAction')!;
    const built = builtActions().get(actionKey(recordInvolvement))!;
    const role = `Forged role ${Date.now().toString(36)}`;
    const fields = { purpose, serviceCode: 'education', role, startedOnDay: '1', startedOnMonth: '9', startedOnYear: '2026' };
    const forged = await postAction(page.request, recordInvolvement, built, new URL(baseURL!).origin, { bound: [involved.id], fields });
    expect(forged.status()).toBeLessThan(500);
    expect(forged.headers()['x-action-redirect'] ?? '').not.toContain('done=involvement');
    // The other child's record, opened with a reason of its own, names no such involvement.
    await searchByNameAndBirth(page, involved);
    await page.getByRole('link', { name: `${involved.givenNames} ${involved.familyName}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${involved.givenNames} ${involved.familyName}`);
    await expect(page.locator('main')).not.toContainText(role);
  });
});
