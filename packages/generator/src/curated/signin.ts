/**
 * Sign-in events: what CloudTrail logs under `signin.amazonaws.com` that no API model describes.
 *
 * Named `signin-console`, not `signin`: botocore 1.43 has a `signin` service (AWS Sign-In Service,
 * 2023-01-01: CreateOAuth2Token, GetConsoleAuthorizationConfiguration...) that logs under the same
 * eventSource. The two share the eventSource and never an eventName, so (eventSource, eventName) still
 * picks one operation; a test checks the eventNames stay disjoint.
 *
 * Sources: AWS CloudTrail User Guide, "AWS Management Console sign-in events"; IAM User Guide, "Logging IAM
 * and AWS STS API calls with AWS CloudTrail" (sign-in events); IAM Identity Center / WorkSpaces guides,
 * "Understanding AWS sign-in events" (CredentialChallenge, CredentialVerification, UserAuthentication).
 *
 * What the records show: `requestParameters` is null; the outcome is `{"<eventName>": "Success"|"Failure"}`
 * in `responseElements` for console sign-in (eventType AwsConsoleSignIn) and in `serviceEventDetails` for
 * the AWS sign-in / Identity Center flow (eventType AwsServiceEvent, responseElements null). Failures carry
 * `errorMessage` ("Failed authentication", "No username found in supplied account") and, for a mistyped
 * user name, `userIdentity.userName` "HIDDEN_DUE_TO_SECURITY_REASONS". What `additionalEventData` holds
 * (MFAUsed, LoginTo...) is typed per event, open (`ADDITIONAL_EVENT_DATA`), and written in its doc too.
 */
import type { LogField, LoggedOperation, LoggedService, LogType } from "../log-model.js";
import { byName, NO_API_VERSION, NO_PROTOCOL } from "./shared.js";

export const SIGNIN_CONSOLE = "signin-console";
export const SIGNIN_EVENT_SOURCE = "signin.amazonaws.com";

const OUTCOME = "SigninOutcome";

const outcome = (doc: string): LogType => ({ kind: "ref", def: OUTCOME, doc });

/** `responseElements: {"<name>": "Success"|"Failure"}`, plus any extra fields seen beside it. */
function outcomeResponse(name: string, extra: LogField[] = [], open = false): LogType {
  const fields: LogField[] = [
    { name, type: outcome(`Whether the ${name} step succeeded.`), required: true, doc: `"Success" or "Failure".` },
    ...extra,
  ];
  return { kind: "object", fields: fields.sort(byName), ...(open ? { open: true } : {}) };
}

/**
 * The eventType of each sign-in event where the records agree (ConsoleLogin: 43 AwsConsoleSignIn, with one
 * `AwsConsoleSignin` and two without one, which only compatible mode accepts). Events not listed here are
 * left unpinned: the records and AWS's pages disagree (GetSigninToken) or are too few.
 */
const EVENT_TYPES: Readonly<Record<string, string>> = {
  CheckMfa: "AwsConsoleSignIn",
  ConsoleLogin: "AwsConsoleSignIn",
  CredentialChallenge: "AwsServiceEvent",
  CredentialVerification: "AwsServiceEvent",
  ExternalIdPDirectoryLogin: "AwsConsoleSignIn",
  PasswordUpdated: "AwsConsoleSignIn",
  UserAuthentication: "AwsServiceEvent",
};

/** The string fields of `additionalEventData` (open: AWS adds keys), with their docs. */
function details(fields: Readonly<Record<string, string>>): LogType {
  return {
    kind: "object",
    open: true,
    fields: Object.entries(fields)
      .map(([name, doc]): LogField => ({ name, type: { kind: "string" }, required: false, doc }))
      .sort(byName),
  };
}

const FIELD_DOCS = {
  AuthWorkflowID: "Ties the challenge, verification and authentication events of one sign-in together.",
  CredentialType: "The kind of credential presented (PASSWORD, TOTP, WEBAUTHN, SMARTCARD...).",
  LoginTo: "The console URL the user was sent to after signing in.",
  MFAIdentifier: "The ARN of the MFA device used.",
  MFAUsed: "Whether an MFA device was used: \"Yes\" or \"No\" (\"YES\" seen).",
  MfaType: "The kind of MFA device the user must present (\"U2F MFA\", \"Virtual MFA\", \"Multiple MFA Devices\"...).",
  MobileVersion: "Whether the mobile console was used: \"Yes\" or \"No\".",
  RedirectTo: "The console URL the user was sent to.",
  SamlProviderArn: "The SAML provider of a SAML-federated sign-in.",
  SwitchFrom: "The ARN of the user or role the console user switched from.",
  DeviceEnrollmentRequired: "Whether the user had to enroll an MFA device.",
} as const;
const pick = (...names: (keyof typeof FIELD_DOCS)[]): LogType => details(Object.fromEntries(names.map((n) => [n, FIELD_DOCS[n]])));

/**
 * What each sign-in event's `additionalEventData` holds, from AWS's sign-in pages and the records (ConsoleLogin:
 * MobileVersion 45, MFAUsed 45, LoginTo 40, MFAIdentifier 4, SamlProviderArn 2 of 46; CredentialChallenge,
 * CredentialVerification: AuthWorkflowID and CredentialType in all 10; UserAuthentication: AuthWorkflowID,
 * LoginTo, CredentialType in all 4; CheckMfa: MfaType in both). Every one a string.
 */
const ADDITIONAL_EVENT_DATA: Readonly<Record<string, LogType>> = {
  CheckMfa: pick("MfaType"),
  ConsoleLogin: pick("CredentialType", "LoginTo", "MFAIdentifier", "MFAUsed", "MobileVersion", "SamlProviderArn"),
  CredentialChallenge: pick("AuthWorkflowID", "CredentialType"),
  CredentialVerification: pick("AuthWorkflowID", "CredentialType"),
  ExitRole: pick("RedirectTo"),
  SwitchRole: pick("RedirectTo", "SwitchFrom"),
  UserAuthentication: pick("AuthWorkflowID", "CredentialType", "DeviceEnrollmentRequired", "LoginTo"),
};

/** The AWS sign-in steps whose outcome is in `serviceEventDetails` ({"<eventName>": "Success"|"Failure"}), not responseElements. */
const OUTCOME_IN_SERVICE_EVENT_DETAILS: ReadonlySet<string> = new Set(["CredentialChallenge", "CredentialVerification", "UserAuthentication"]);

function op(name: string, doc: string, response: LogType | null): LoggedOperation {
  const eventType = EVENT_TYPES[name];
  const additionalEventData = ADDITIONAL_EVENT_DATA[name];
  return {
    name,
    eventNames: [name],
    doc,
    request: null,
    response,
    readOnly: false,
    ...(eventType ? { eventType } : {}),
    ...(additionalEventData ? { additionalEventData } : {}),
    ...(OUTCOME_IN_SERVICE_EVENT_DETAILS.has(name) ? { serviceEventDetails: outcomeResponse(name, [], true) } : {}),
  };
}

export function signinConsole(): LoggedService {
  const operations: LoggedOperation[] = [
    op(
      "CheckMfa",
      "During console sign-in, the sign-in process checked whether the IAM user or root user must present an " +
        "MFA device. eventType AwsConsoleSignIn. additionalEventData: MfaType (\"U2F MFA\", \"Virtual MFA\", " +
        "\"Multiple MFA Devices\"...).",
      outcomeResponse("CheckMfa"),
    ),
    op(
      "ConsoleLogin",
      "A sign-in to the AWS Management Console (also the Support Center and discussion forums) by a root user, " +
        "an IAM user, a federated user (SAML, web identity, IAM Identity Center) or through a federation sign-in " +
        "URL. eventType AwsConsoleSignIn. Failures add errorMessage. additionalEventData, typically: LoginTo (the " +
        "console URL the user was sent to), MobileVersion (\"Yes\"/\"No\"), MFAUsed (\"Yes\"/\"No\", \"YES\" " +
        "seen), MFAIdentifier (ARN of the MFA device used), SamlProviderArn (SAML federation), CredentialType " +
        "(the kind of credential presented).",
      outcomeResponse("ConsoleLogin"),
    ),
    op(
      "CredentialChallenge",
      "AWS sign-in (IAM Identity Center, Builder ID, smart cards) asked the user to solve one credential " +
        "challenge. eventType AwsServiceEvent; responseElements null; the outcome is in serviceEventDetails " +
        "{\"CredentialChallenge\": \"Success\"|\"Failure\"}. additionalEventData: AuthWorkflowID (ties the " +
        "challenge, verification and authentication events of one sign-in together), CredentialType (PASSWORD, " +
        "TOTP, WEBAUTHN, SMARTCARD...).",
      null,
    ),
    op(
      "CredentialVerification",
      "The user answered a CredentialChallenge; records whether that credential succeeded. eventType " +
        "AwsServiceEvent; responseElements null; outcome in serviceEventDetails {\"CredentialVerification\": " +
        "\"Success\"|\"Failure\"}. additionalEventData: AuthWorkflowID, CredentialType.",
      null,
    ),
    op(
      "ExitRole",
      "A console user switched back from a role (see SwitchRole) to their original identity. eventType " +
        "AwsConsoleSignIn. additionalEventData: RedirectTo.",
      outcomeResponse("ExitRole"),
    ),
    op(
      "ExternalIdPDirectoryLogin",
      "A sign-in through an external identity provider directory connected to IAM Identity Center. eventType " +
        "AwsConsoleSignIn; failures add errorMessage.",
      outcomeResponse("ExternalIdPDirectoryLogin"),
    ),
    op(
      "GetSigninToken",
      "The federation endpoint (signin.aws.amazon.com/federation) exchanged temporary credentials for a console " +
        "sign-in token, the step before a federated ConsoleLogin. The response is logged as the outcome and, when " +
        "present, the access key of the credentials that were exchanged.",
      outcomeResponse(
        "GetSigninToken",
        [
          {
            name: "credentials",
            required: false,
            doc: "The temporary credentials the token was issued for (only their access key ID is logged).",
            type: {
              kind: "object",
              open: true,
              fields: [{ name: "accessKeyId", required: false, type: { kind: "string" }, doc: "Access key ID of the exchanged credentials." }],
            },
          },
        ],
        true,
      ),
    ),
    op(
      "PasswordUpdated",
      "A root user or IAM user changed their own console password through the sign-in pages. eventType " +
        "AwsConsoleSignIn.",
      outcomeResponse("PasswordUpdated"),
    ),
    op(
      "SwitchRole",
      "A console user switched to an IAM role (often in another account); userIdentity is the assumed role. " +
        "eventType AwsConsoleSignIn. additionalEventData: SwitchFrom (ARN of the user or role switched from), " +
        "RedirectTo (console URL).",
      outcomeResponse("SwitchRole"),
    ),
    op(
      "UserAuthentication",
      "Every credential challenge of an AWS sign-in (IAM Identity Center...) was passed and the user is signed " +
        "in; nothing is logged when the user fails a challenge. eventType AwsServiceEvent; responseElements null; " +
        "outcome in serviceEventDetails {\"UserAuthentication\": \"Success\"}. additionalEventData: " +
        "AuthWorkflowID, LoginTo, CredentialType.",
      null,
    ),
  ];

  return {
    name: SIGNIN_CONSOLE,
    eventSource: SIGNIN_EVENT_SOURCE,
    apiVersion: NO_API_VERSION,
    protocol: NO_PROTOCOL,
    serviceFullName: "AWS Sign-In (console and AWS sign-in events)",
    serviceId: "Signin Console",
    doc:
      "Sign-in events CloudTrail logs under signin.amazonaws.com that are not calls to a public API: console " +
      "sign-in, MFA checks, role switching, password changes, and the credential steps of AWS sign-in (IAM " +
      "Identity Center). The API operations under the same eventSource are botocore's signin service.",
    defs: {
      [OUTCOME]: {
        kind: "string",
        enum: ["Failure", "Success"],
        doc: "The outcome of a sign-in step as CloudTrail logs it.",
      },
    },
    operations: operations.sort(byName),
    curated: true,
  };
}
