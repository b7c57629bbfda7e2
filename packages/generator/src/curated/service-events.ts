/**
 * AWS service events (eventType `AwsServiceEvent`): records an AWS service writes about something it did
 * itself, not in answer to a public API request (KMS rotating a key, Organizations finishing an account,
 * Secrets Manager rotating a secret).
 *
 * Keyed by eventType, not eventSource: they come from many services, whose API operations live in the
 * botocore services of the same eventSource. Each documented event is an operation named
 * `<source>:<eventName>` (`kms:RotateKey`); every other service event resolves to the fallback operation
 * `AwsServiceEvent`, which accepts any payload. See resolve.ts.
 *
 * What these records show (AWS CloudTrail User Guide, "AWS service events", and each service's CloudTrail
 * page): `requestParameters` and `responseElements` are null or absent, `userIdentity` is often just
 * `{accountId, invokedBy}`, and the event's content is in `serviceEventDetails` (sometimes
 * `additionalEventData`), which the log model has no slot for; each operation's doc says what it holds.
 */
import type { LoggedOperation, LoggedService } from "../log-model.js";
import { ANY_EVENT_SOURCE, byName, NO_API_VERSION, NO_PROTOCOL, sourcedOperationName } from "./shared.js";

export const AWS_SERVICE_EVENTS = "aws-service-events";
export const SERVICE_EVENT_TYPE = "AwsServiceEvent";
/** The operation every service event without a documented operation resolves to. */
export const SERVICE_EVENT_FALLBACK = "AwsServiceEvent";

function event(eventSource: string, eventName: string, doc: string): LoggedOperation {
  return {
    name: sourcedOperationName(eventSource, eventName),
    eventNames: [eventName],
    eventSource,
    match: [{ path: ["eventType"], value: SERVICE_EVENT_TYPE }],
    doc,
    request: null,
    response: null,
    readOnly: false,
  };
}

const KMS = "kms.amazonaws.com";
const ORGANIZATIONS = "organizations.amazonaws.com";
const S3 = "s3.amazonaws.com";
const SECRETS_MANAGER = "secretsmanager.amazonaws.com";
const EFS = "elasticfilesystem.amazonaws.com";
const COGNITO_IDP = "cognito-idp.amazonaws.com";
const CLOUDTRAIL = "cloudtrail.amazonaws.com";

const HOSTED_UI =
  "serviceEventDetails: {serviceAccountId}. additionalEventData: requestParameters (the request's query or form " +
  "parameters, each an array of strings, secrets HIDDEN_DUE_TO_SECURITY_REASONS), responseParameters {status: " +
  "HTTP status}, userPoolDomain, userPoolId.";

export function awsServiceEvents(): LoggedService {
  const operations: LoggedOperation[] = [
    {
      name: SERVICE_EVENT_FALLBACK,
      eventNames: [],
      match: [{ path: ["eventType"], value: SERVICE_EVENT_TYPE }],
      doc:
        "Any AWS service event without an operation of its own: matched by eventType AwsServiceEvent whatever " +
        "its eventSource and eventName. requestParameters and responseElements are usually null; older records " +
        "(format 1.03) logged calls an AWS service made on a user's behalf this way, with the API's parameters.",
      request: { kind: "any" },
      response: { kind: "any" },
      readOnly: false,
    },
    event(CLOUDTRAIL, "CreateServiceLinkedChannel", "CloudTrail created a service-linked channel through which an AWS service integration delivers events."),
    event(COGNITO_IDP, "Confirm_GET", `A user pool's hosted UI served its confirm-sign-up page. ${HOSTED_UI}`),
    event(COGNITO_IDP, "Confirm_POST", `A user submitted the hosted UI's sign-up confirmation code. ${HOSTED_UI}`),
    event(COGNITO_IDP, "Login_GET", `A user pool's hosted UI served its sign-in page. ${HOSTED_UI}`),
    event(COGNITO_IDP, "SAML2Response_POST", `The hosted UI received a SAML response from an identity provider. ${HOSTED_UI}`),
    event(COGNITO_IDP, "Signup_GET", `A user pool's hosted UI served its sign-up page. ${HOSTED_UI}`),
    event(COGNITO_IDP, "Signup_POST", `A user submitted the hosted UI's sign-up form. ${HOSTED_UI}`),
    event(COGNITO_IDP, "Token_POST", `A client called the user pool's token endpoint (authorization code, refresh token or client credentials grant). ${HOSTED_UI}`),
    event(EFS, "NewClientConnection", "An NFS client connected to a file system. serviceEventDetails: permissions {ClientMount, ClientWrite, ClientRootAccess} granted, sourceIpAddress of the client."),
    event(EFS, "UpdateClientConnection", "The permissions of a connected NFS client changed. serviceEventDetails: permissions, sourceIpAddress."),
    event(KMS, "DeleteExpiredKeyMaterial", "KMS deleted imported key material that reached its expiration date. serviceEventDetails: keyId."),
    event(KMS, "DeleteKey", "KMS deleted a KMS key at the end of its scheduled deletion waiting period. additionalEventData, for keys in a custom key store: customKeyStoreId, clusterId, backingKeys."),
    event(KMS, "RotateKey", "KMS rotated the key material of a KMS key (automatic or on-demand rotation). serviceEventDetails: keyId, rotationType."),
    event(ORGANIZATIONS, "CloseAccountResult", "Organizations finished closing a member account. serviceEventDetails: closeAccountStatus {accountId, state, requestedTimestamp, completedTimestamp}."),
    event(ORGANIZATIONS, "CreateAccountResult", "Organizations finished creating an account requested with CreateAccount. serviceEventDetails: createAccountStatus {id, state, accountName, accountId, requestedTimestamp, completedTimestamp}."),
    event(S3, "JobCreated", "S3 Batch Operations created a job. serviceEventDetails: jobId, jobArn, status, jobEventId, failureCodes, statusChangeReason."),
    event(S3, "JobStatusChanged", "An S3 Batch Operations job changed status. serviceEventDetails: jobId, jobArn, status, jobEventId, failureCodes, statusChangeReason."),
    event(SECRETS_MANAGER, "CancelSecretVersionDelete", "Secrets Manager cancelled the scheduled deletion of a secret version."),
    event(SECRETS_MANAGER, "EndSecretVersionDelete", "Secrets Manager deleted a secret version at the end of its recovery window."),
    event(SECRETS_MANAGER, "ReplicationFailed", "Replicating a secret to another Region failed."),
    event(SECRETS_MANAGER, "ReplicationStarted", "Secrets Manager started replicating a secret to another Region."),
    event(SECRETS_MANAGER, "ReplicationSucceeded", "A secret was replicated to another Region."),
    event(SECRETS_MANAGER, "RotationAbandoned", "Secrets Manager abandoned a rotation attempt and removed the pending version. additionalEventData: SecretId."),
    event(SECRETS_MANAGER, "RotationFailed", "A secret's rotation failed. additionalEventData: SecretId."),
    event(SECRETS_MANAGER, "RotationStarted", "Secrets Manager started rotating a secret. additionalEventData: SecretId."),
    event(SECRETS_MANAGER, "RotationSucceeded", "A secret was rotated. additionalEventData: SecretId."),
    event(SECRETS_MANAGER, "StartSecretVersionDelete", "Secrets Manager started the recovery window of a secret version scheduled for deletion."),
  ];

  return {
    name: AWS_SERVICE_EVENTS,
    eventSource: ANY_EVENT_SOURCE,
    apiVersion: NO_API_VERSION,
    protocol: NO_PROTOCOL,
    serviceFullName: "AWS service events",
    serviceId: "AWS Service Events",
    doc:
      "Events an AWS service logs about its own actions (eventType AwsServiceEvent), from any eventSource. " +
      "Documented events are operations named <source>:<eventName>; the rest match the AwsServiceEvent operation.",
    defs: {},
    operations: operations.sort(byName),
    curated: true,
  };
}
