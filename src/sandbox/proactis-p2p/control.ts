/**
 * The control block every gateway document starts with (masterData.md, "Authentication";
 * acceptanceGateway.md / purchaseInvoiceGateway.md, "Control Block"): which database and company,
 * who is calling, the schema version and how errors are reported. It is checked before any
 * document is processed; if it fails, nothing is processed.
 */
import { userKey, type CompanyRec, type DatabaseRec, type P2pData, type P2pUser } from './data.js';
import { logonError, schemaError, businessError, type GatewayError } from './errors.js';
import { elements, type XmlElement } from './xml.js';

export const PRO_NS = 'http://www.proactis.com/xml/xml-ns';

export const errorHandlingModes = ['EMBED', 'THROWERRORS', 'THROWXML', 'THROWTEXT'] as const;
export type ErrorHandlingMode = (typeof errorHandlingModes)[number];

export interface Session {
  database: DatabaseRec;
  company: CompanyRec;
  user: P2pUser;
  department: string | null;
  mode: ErrorHandlingMode;
}

export type ControlResult =
  | { ok: true; session: Session; control: XmlElement }
  | { ok: false; errors: GatewayError[]; mode: ErrorHandlingMode; control: XmlElement | undefined };

/** The mode the caller asked for, as far as it can be read (errors about the mode itself embed). */
function modeOf(control: XmlElement | undefined): ErrorHandlingMode {
  const asked = control?.attrs.ErrorHandlingMode;
  // "Omitting the attribute assumes EMBED" (masterData.md, control block table).
  return (errorHandlingModes as readonly string[]).includes(asked ?? '') ? (asked as ErrorHandlingMode) : 'EMBED';
}

export function checkControl(root: XmlElement, data: P2pData, rootName: 'Import' | 'AuthenticateUser'): ControlResult {
  const fail = (errors: GatewayError[], control?: XmlElement): ControlResult => ({ ok: false, errors, mode: modeOf(control), control });
  if (root.ns !== PRO_NS || root.local !== rootName) {
    return fail([schemaError(`The root element must be {${PRO_NS}}${rootName}; found {${root.ns}}${root.local}.`)]);
  }
  // "A control block must be immediately following the opening <pro:Import tag" (masterData.md).
  const control = elements(root)[0];
  if (!control || control.ns !== PRO_NS || control.local !== 'Control') {
    return fail([schemaError(`Element content is incomplete according to the DTD/Schema. Expecting: {${PRO_NS}}Control`)]);
  }
  const a = control.attrs;
  const mode = a.ErrorHandlingMode;
  if (mode !== undefined && !(errorHandlingModes as readonly string[]).includes(mode)) {
    return fail([schemaError(`The 'ErrorHandlingMode' attribute has an invalid value '${mode}'; expected one of ${errorHandlingModes.join(', ')}.`, 'Control')], control);
  }
  // "Version — Required. Must always be 1.0.0" (masterData.md).
  if (a.Version === undefined) return fail([schemaError("The required attribute 'Version' is missing on element 'Control'.", 'Control')], control);
  if (a.Version !== '1.0.0') return fail([businessError(`Version '${a.Version}' is not supported; the version must be 1.0.0.`, 'Control')], control);
  // masterData.md names the attribute Database; the other gateways' examples use DatabaseName.
  const dbTitle = a.Database ?? a.DatabaseName;
  if (dbTitle === undefined) return fail([schemaError("The required attribute 'Database' is missing on element 'Control'.", 'Control')], control);
  const database = data.databases.get(dbTitle);
  if (!database) return fail([logonError(`The database '${dbTitle}' is not defined in PROACTIS_databases.xml.`)], control);

  // "WINDOWS or PROACTIS (which must be expressed in Upper Case). If this field is missing, the
  // gateway will default to PROACTIS" (acceptanceGateway.md, "Control Block").
  const method = a.AuthenticationMethod ?? 'PROACTIS';
  if (method !== 'PROACTIS' && method !== 'WINDOWS') {
    return fail([schemaError(`The 'AuthenticationMethod' attribute has an invalid value '${method}'; expected PROACTIS or WINDOWS.`, 'Control')], control);
  }
  if (method === 'WINDOWS') {
    // The simulator takes no NTLM/Kerberos handshake: the call arrives as IIS's anonymous user.
    return fail([logonError('Windows authentication failed: the request carried no Windows identity known to PROACTIS.')], control);
  }
  if (a.UserName === undefined || a.Password === undefined) {
    return fail([schemaError(`The required attribute '${a.UserName === undefined ? 'UserName' : 'Password'}' is missing on element 'Control' (AuthenticationMethod PROACTIS).`, 'Control')], control);
  }
  const user = database.users.get(userKey(a.UserName));
  if (!user || user.password !== a.Password) return fail([logonError('Logon failed. The user name or password is incorrect.')], control);

  if (a.Company === undefined) return fail([schemaError("The required attribute 'Company' is missing on element 'Control'.", 'Control')], control);
  const company = database.companies.get(a.Company);
  if (!company || !user.companies.includes(company.code)) {
    return fail([logonError(`The company '${a.Company}' does not exist or user '${user.userName}' has no access to it.`)], control);
  }
  const department = a.Department ?? null;
  if (department !== null && (!company.departments.includes(department) || !user.departments.includes(department))) {
    return fail([logonError(`The department '${department}' does not exist in company '${company.code}' or user '${user.userName}' has no access to it.`)], control);
  }
  // "The P2P user must be a member of the DataImport role, in order to use the XMLGateway" (masterData.md).
  if (!user.roles.has('DataImport')) return fail([logonError(`User '${user.userName}' is not a member of the DataImport role.`)], control);
  return { ok: true, control, session: { database, company, user, department, mode: modeOf(control) } };
}
