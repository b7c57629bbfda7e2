/**
 * API calls no model describes: console-internal APIs (the console's own backends) and agent APIs that
 * CloudTrail logs as `AwsApiCall` under an eventSource, with no botocore operation and no AWS page that
 * documents their payloads. `resolveEvent` returns them as *unmodeled*: they validate against the envelope
 * with open `requestParameters` and `responseElements`, and the result says so, instead of failing as an
 * unknown eventName.
 *
 * Only what the table lists is unmodeled: a whole eventSource that no model logs under, or named eventNames
 * under an eventSource that a model does log under. Anything else unknown stays unknown (a misspelt
 * eventName or a detection rule's deliberate negative such as iam `NotCreateUser` is not an unmodeled API).
 * Documented events get curated operations instead (codecommit-git, ssm-agent-channels).

 */
import type { LoggedService } from "../log-model.js";
import { ANY_EVENT_SOURCE, NO_API_VERSION, NO_PROTOCOL } from "./shared.js";

export const UNMODELED_API_CALLS = "unmodeled-api-calls";
/** The operation every unmodeled API call resolves to. */
export const UNMODELED_FALLBACK = "UnmodeledApiCall";

export interface UnmodeledEntry {
  /** `*`: every eventName of the eventSource; else the eventNames listed. */
  eventNames: "*" | readonly string[];
  /** Further eventNames by prefix, for names that embed a variable part (the old access portal's URLs). */
  eventNamePrefixes?: readonly string[];
  /** Why no model has it. */
  why: string;
  /** The kind of record that showed it, and where. */
  evidence: string;
}

/**
 * Services AWS retired whose models botocore removed before the pinned snapshot: their records stay in old
 * trails and exports, under the eventSource the service logged, and nothing else describes them. `service`
 * is the SDK name the model had. `seen: "record"`: a CloudTrail record shows the eventSource. `seen: "model"`:
 * the eventSource is what the project's default rule (`event-source-signing-name`) derives from the service's
 * last published model, which AWS SDK for JavaScript v2 still ships (it kept models botocore dropped).
 */
export interface RetiredService {
  service: string;
  seen: "record" | "model";
  evidence: string;
}

export const RETIRED_SERVICES: Readonly<Record<string, RetiredService>> = {
  "codestar.amazonaws.com": { service: "codestar", seen: "record", evidence: "CreateProject record (2017), AWS CodeStar user guide, \"Logging AWS CodeStar API calls with AWS CloudTrail\"" },
  "elastictranscoder.amazonaws.com": { service: "elastictranscoder", seen: "record", evidence: "CreateJob record (2014), Amazon Elastic Transcoder developer guide, CloudTrail chapter" },
  "iotanalytics.amazonaws.com": { service: "iotanalytics", seen: "record", evidence: "CreateChannel record (2018), AWS IoT Analytics user guide, CloudTrail chapter" },
  "iotevents.amazonaws.com": { service: "iotevents", seen: "record", evidence: "DescribeDetector record (2019), AWS IoT Events developer guide, CloudTrail chapter" },
  "opsworks.amazonaws.com": {
    service: "opsworks",
    seen: "record",
    evidence: "CreateLayer record (2014), AWS OpsWorks user guide; DescribeInstances under opsworks.amazonaws.com in the flaws.cloud trail (Yamato-Security suzaku docs, aws-ct-summary output)",
  },
  "sms.amazonaws.com": { service: "sms", seen: "record", evidence: "CreateReplicationJob record (2018), AWS Server Migration Service user guide, CloudTrail chapter" },
  "apptest.amazonaws.com": { service: "apptest", seen: "model", evidence: "signing name apptest in its last model (aws-sdk-js 2.1693.0 apis/apptest-2022-12-06)" },
  "elastic-inference.amazonaws.com": { service: "elastic-inference", seen: "model", evidence: "signing name elastic-inference in its last model (aws-sdk-js 2.1693.0 apis/elastic-inference-2017-07-25)" },
  "evidently.amazonaws.com": { service: "evidently", seen: "model", evidence: "signing name evidently in its last model (aws-sdk-js 2.1693.0 apis/evidently-2021-02-01)" },
  "finspace-api.amazonaws.com": { service: "finspace-data", seen: "model", evidence: "signing name finspace-api in its last model (aws-sdk-js 2.1693.0 apis/finspace-data-2020-07-13)" },
  "finspace.amazonaws.com": { service: "finspace", seen: "model", evidence: "signing name finspace in its last model (aws-sdk-js 2.1693.0 apis/finspace-2021-03-12)" },
  "iot1click.amazonaws.com": { service: "iot1click-devices/iot1click-projects", seen: "model", evidence: "signing name iot1click in its last model (aws-sdk-js 2.1693.0 apis/iot1click-devices-2018-05-14, iot1click-projects-2018-05-14)" },
  "ioteventsdata.amazonaws.com": { service: "iotevents-data", seen: "model", evidence: "signing name ioteventsdata in its last model (aws-sdk-js 2.1693.0 apis/iotevents-data-2018-10-23)" },
  "iotfleethub.amazonaws.com": { service: "iotfleethub", seen: "model", evidence: "signing name iotfleethub in its last model (aws-sdk-js 2.1693.0 apis/iotfleethub-2020-11-03)" },
  "lookoutmetrics.amazonaws.com": { service: "lookoutmetrics", seen: "model", evidence: "signing name lookoutmetrics in its last model (aws-sdk-js 2.1693.0 apis/lookoutmetrics-2017-07-25)" },
  "lookoutvision.amazonaws.com": { service: "lookoutvision", seen: "model", evidence: "signing name lookoutvision in its last model (aws-sdk-js 2.1693.0 apis/lookoutvision-2020-11-20)" },
  "mobileanalytics.amazonaws.com": { service: "mobileanalytics", seen: "model", evidence: "endpoint prefix mobileanalytics in its last model (aws-sdk-js 2.1693.0 apis/mobileanalytics-2014-06-05)" },
  "nimble.amazonaws.com": { service: "nimble", seen: "model", evidence: "signing name nimble in its last model (aws-sdk-js 2.1693.0 apis/nimble-2020-08-01)" },
  "opsworks-cm.amazonaws.com": { service: "opsworkscm", seen: "model", evidence: "signing name opsworks-cm in its last model (aws-sdk-js 2.1693.0 apis/opsworkscm-2016-11-01)" },
  "panorama.amazonaws.com": { service: "panorama", seen: "model", evidence: "signing name panorama in its last model (aws-sdk-js 2.1693.0 apis/panorama-2019-07-24)" },
  "private-networks.amazonaws.com": { service: "privatenetworks", seen: "model", evidence: "signing name private-networks in its last model (aws-sdk-js 2.1693.0 apis/privatenetworks-2021-12-03)" },
  "qldb.amazonaws.com": { service: "qldb/qldb-session", seen: "model", evidence: "signing name qldb in its last model (aws-sdk-js 2.1693.0 apis/qldb-2019-01-02, qldb-session-2019-07-11)" },
  "robomaker.amazonaws.com": { service: "robomaker", seen: "model", evidence: "signing name robomaker in its last model (aws-sdk-js 2.1693.0 apis/robomaker-2018-06-29)" },
  "simspaceweaver.amazonaws.com": { service: "simspaceweaver", seen: "model", evidence: "signing name simspaceweaver in its last model (aws-sdk-js 2.1693.0 apis/simspaceweaver-2022-10-28)" },
  "tnb.amazonaws.com": { service: "tnb", seen: "model", evidence: "signing name tnb in its last model (aws-sdk-js 2.1693.0 apis/tnb-2008-10-21)" },
  "worklink.amazonaws.com": { service: "worklink", seen: "model", evidence: "signing name worklink in its last model (aws-sdk-js 2.1693.0 apis/worklink-2018-09-25)" },
};

/**
 * eventSource -> what is unmodeled there. A test checks that `*` sources have no botocore service and that
 * listed eventNames are no operation of the eventSource's services.
 */
export const UNMODELED: Readonly<Record<string, UnmodeledEntry>> = {
  "cloudshell.amazonaws.com": {
    eventNames: "*",
    why: "AWS CloudShell's console backend (createEnvironment, createSession, putCredentials, sendHeartBeat...) has no botocore model",
    evidence: "AWS CloudShell User Guide, \"Logging and monitoring in AWS CloudShell\" (its table of CloudTrail eventNames); issue 10 held-out records",
  },
  "sqlworkbench.amazonaws.com": {
    eventNames: "*",
    why: "Redshift query editor v2's backend (sqlworkbench) has no public API model",
    evidence: "issue 10 held-out records (no record in the development corpus)",
  },
  "supportplans.amazonaws.com": {
    eventNames: "*",
    why: "AWS Support Plans' console API (GetSupportPlan, StartSupportPlanUpdate...) has no botocore model",
    evidence: "AWS Support User Guide, \"Logging AWS Support Plans API calls with AWS CloudTrail\"; issue 10 held-out records",
  },
  "macie.amazonaws.com": {
    eventNames: "*",
    why: "Amazon Macie Classic was retired and its model removed from botocore; its records remain in old logs",
    evidence: "panther-analysis Macie rule test (UpdateMacieSession under macie.amazonaws.com)",
  },
  "ssm.amazonaws.com": {
    // Every call of AWS's list that the model lacks (DescribeInstanceProperties is in it).
    eventNames: [
      "DescribeDocumentParameters",
      "GetCalendar",
      "GetManifest",
      "ListInstanceAssociations",
      "PutCalendar",
      "PutConfigurePackageResult",
      "RegisterManagedInstance",
      "RequestManagedInstanceRoleToken",
      "UpdateInstanceAssociationStatus",
      "UpdateInstanceInformation",
      "UpdateManagedInstancePublicKey",
      // Session Manager's data channel, seen under ssm as well as ssmmessages (curated ssm-agent-channels)
      "OpenDataChannel",
    ],
    why: "SSM Agent calls to the ssm endpoint that the public API model leaves out",
    evidence:
      "AWS Systems Manager User Guide, \"Reference: ec2messages, ssmmessages, and other API operations\"; panther-analysis SSM rule test " +
      "(UpdateInstanceInformation, user agent amazon-ssm-agent); OpenDataChannel under ssm.amazonaws.com in jSherz's SCP-rollout mapping of a real organisation's trail (2023)",
  },
  "ssm-guiconnect.amazonaws.com": {
    eventNames: ["StartConnection"],
    why: "Fleet Manager's RDP connection call, logged under ssm-guiconnect, is not in its model",
    evidence: "AWS docs example record in the development corpus (awsdocs: ssm-guiconnect StartConnection, RDP via Session Manager)",
  },
  "sso.amazonaws.com": {
    // The console APIs of AWS's table, less the three that are sso-admin operations now (Create/Delete/ListPermissionSets).
    eventNames: [
      "AssociateDirectory", "AssociateProfile", "CreateApplicationInstance", "CreateApplicationInstanceCertificate", "CreateProfile",
      "DeleteApplicationInstance", "DeleteApplicationInstanceCertificate", "DeletePermissionsPolicy", "DeleteProfile", "DescribePermissionsPolicies",
      "DisassociateDirectory", "DisassociateProfile", "GetApplicationInstance", "GetApplicationTemplate", "GetMfaDeviceManagementForDirectory",
      "GetPermissionSet", "GetSSOStatus", "ImportApplicationInstanceServiceProviderMetadata", "ListApplicationInstanceCertificates",
      "ListApplicationInstances", "ListApplicationTemplates", "ListDirectoryAssociations", "ListProfileAssociations", "ListProfiles",
      "PutMfaDeviceManagementForDirectory", "PutPermissionsPolicy", "StartSSO", "UpdateApplicationInstanceActiveCertificate",
      "UpdateApplicationInstanceDisplayData", "UpdateApplicationInstanceResponseConfiguration", "UpdateApplicationInstanceResponseSchemaConfiguration",
      "UpdateApplicationInstanceSecurityConfiguration", "UpdateApplicationInstanceServiceProviderConfiguration", "UpdateApplicationInstanceStatus",
      "UpdateDirectoryAssociation", "UpdateProfile",
      // The AWS access portal's calls that are "not available in the public API", and a console call seen in a trail.
      "Authenticate", "Federate", "ListProfilesForApplication", "UpdateApplicationProfileForAWSAccountInstance",
    ],
    // The user portal of 2017 logged the URL it called as the eventName (…/instance/appinstances), per Region.
    eventNamePrefixes: ["https://portal.sso."],
    why: "IAM Identity Center's console APIs (application instances, profiles, directory associations) are console-internal: no public model has them",
    evidence:
      "AWS SSO user guide (archived, awsdocs), \"Logging AWS SSO API calls with AWS CloudTrail\": its table of \"Console APIs\" beside the public ones; " +
      "AWS docs example records in the development corpus (eventVersion 1.05, 2017: DescribePermissionsPolicies, and a portal call whose eventName " +
      "is https://portal.sso.us-east-1.amazonaws.com/instance/appinstances); IAM Identity Center user " +
      "guide's \"AWS access portal events\" (Authenticate, Federate, ListApplications, ListProfilesForApplication; the last not in the public API); " +
      "Authenticate, Federate, ListProfilesForApplication, UpdateApplicationProfileForAWSAccountInstance under sso in jSherz's SCP-rollout mapping of a real organisation's trail (2023)",
  },
  "appsync.amazonaws.com": {
    eventNames: ["GraphQL"],
    why: "AppSync logs requests to a GraphQL endpoint as data events named after the IAM action appsync:GraphQL; the model has only the control plane",
    evidence: "GraphQL data event records (eventCategory Data, additionalEventData.operationName) in the AWS AppSync developer guide's CloudTrail page (2024)",
  },
  "billingconsole.amazonaws.com": {
    eventNames: "*",
    why:
      "the Billing console's backend (GetBillsForBillingPeriod, SetContactAddress, RedeemPromoCode...) has no public model; its AwsConsoleAction " +
      "records stay console actions, its API calls and trimmed exports without eventType land here",
    evidence:
      "AWS Billing user guide, \"Logging Billing and Cost Management API calls with AWS CloudTrail\": its table of event names with eventSource " +
      "billingconsole.amazonaws.com; GetAlternateContact and GetContactInformation records in panther-analysis tests",
  },
  "customer-verification.amazonaws.com": {
    eventNames: "*",
    why: "the Billing console's customer verification calls (India addresses) have no public model",
    evidence: "AWS Billing user guide's CloudTrail event table (Create/Get/UpdateCustomerVerificationDetails, GetCustomerVerificationEligibility)",
  },
  "invoicing.amazonaws.com": {
    eventNames: ["GetInvoiceProfiles"],
    why: "the Billing console reads invoice profiles with a call the invoicing model does not have (it has BatchGetInvoiceProfile)",
    evidence: "AWS Billing user guide, \"Invoicing CloudTrail events\" table (eventSource invoicing.amazonaws.com)",
  },
  "payments.amazonaws.com": {
    eventNames: "*",
    why: "the Billing console's Payments calls (Instruments_Create, Preferences_ListPaymentProfiles, Financing_...) have no public model",
    evidence: "AWS Billing user guide, \"Payments CloudTrail events\" table and its Instruments_Create example record (2024)",
  },
  "purchase-orders.amazonaws.com": {
    eventNames: "*",
    why: "the Billing console's purchase order calls (AddPurchaseOrder, ListPurchaseOrders...) have no public model",
    evidence: "AWS Billing user guide's CloudTrail event table (eventSource purchase-orders.amazonaws.com)",
  },
  "q.amazonaws.com": {
    eventNames: "*",
    why: "Amazon Q Developer's console chat API (SendMessage, StartConversation, PassRequest) has no public model",
    evidence:
      "Amazon Q Developer user guide, \"Logging Amazon Q Developer API calls using AWS CloudTrail\": SendMessage (2023) and PassRequest (2024) records; " +
      "StartConversation under q.amazonaws.com in a public detection's tests",
  },
  "sso-directory.amazonaws.com": {
    eventNames: "*",
    why:
      "IAM Identity Center's directory API (console and access-portal calls: CreateGroup, UpdateGroup, MFA device management) has no public model; " +
      "its names overlap the Identity Store API's but its payloads differ (group.groupAttributes, displayName)",
    evidence:
      "CreateGroup records under sso-directory.amazonaws.com: AWS Security Blog, IAM Identity Center CloudTrail changes (2025), and a 2023 " +
      "record in a public write-up; the Identity Center user guide files them under \"Identity Store events\"",
  },
  ...Object.fromEntries(
    Object.entries(RETIRED_SERVICES).map(([source, r]) => [
      source,
      { eventNames: "*", why: `a retired service: botocore removed the ${r.service} model, records of it remain in old trails`, evidence: r.evidence } satisfies UnmodeledEntry,
    ]),
  ),
  "bedrock.amazonaws.com": {
    eventNames: ["PutFoundationModelEntitlement"],
    why: "Bedrock's console-only model-access call (the old Model access page) is in no public model; its siblings PutUseCaseForModelAccess and CreateFoundationModelAgreement are",
    evidence:
      "Stratus Red Team detonation log for aws.impact.bedrock-invoke-model (PutFoundationModelEntitlement record, cited by a public detection's fixtures); " +
      "SigmaHQ rule aws_cloudtrail_bedrock_uncommon_api_calls_from_lla (eventSource bedrock.amazonaws.com)",
  },
  "trustedadvisor.amazonaws.com": {
    eventNames: [
      "DescribeAccount", "DescribeAccountAccess", "DescribeCheckItems", "DescribeCheckRefreshStatuses", "DescribeCheckSummaries",
      "DescribeChecks", "DescribeNotificationPreferences", "DescribeOrganization", "DescribeOrganizationAccounts",
      "DescribeReports", "DescribeServiceMetadata", "ExcludeCheckItems", "GenerateReport", "IncludeCheckItems",
      "ListAccountsForParent", "ListOrganizationalUnitsForParent", "ListRoots", "RefreshCheck", "SetAccountAccess",
      "SetOrganizationAccess", "UpdateNotificationPreferences",
    ],
    why: "the Trusted Advisor console's actions are logged under trustedadvisor.amazonaws.com, whose public model (recommendations API) has none of them",
    evidence:
      "AWS Support user guide, \"Logging AWS Trusted Advisor console actions with AWS CloudTrail\": the list of actions and RefreshCheck, " +
      "UpdateNotificationPreferences and GenerateReport records (2020)",
  },
  "budgets.amazonaws.com": {
    eventNames: ["GetAllSnapshotReports"],
    why: "the Budgets console reads its reports with a call the budgets model does not have",
    evidence: "GetAllSnapshotReports under budgets.amazonaws.com in jSherz's SCP-rollout mapping of a real organisation's trail (2023)",
  },
  "discovery-marketplace.amazonaws.com": {
    eventNames: ["GetListingView", "GetSearchFacets"],
    why: "AWS Marketplace's console browses listings with calls that marketplace-discovery's model (SearchListings, SearchFacets...) does not have",
    evidence: "GetListingView and GetSearchFacets beside SearchListings under discovery-marketplace.amazonaws.com in jSherz's SCP-rollout mapping of a real organisation's trail (2023)",
  },
  "s3.amazonaws.com": {
    eventNames: ["GetStorageLensDashboardDataInternal"],
    why: "the S3 console's Storage Lens dashboard reads its data with an internal call no S3 or S3 Control operation is",
    evidence: "GetStorageLensDashboardDataInternal under s3.amazonaws.com in jSherz's SCP-rollout mapping of a real organisation's trail (2023)",
  },
  "servicecatalog.amazonaws.com": {
    eventNames: ["GetTagOptionMigrationStatus"],
    why: "the Service Catalog console checks its TagOption migration with a call the servicecatalog model does not have",
    evidence: "GetTagOptionMigrationStatus under servicecatalog.amazonaws.com in jSherz's SCP-rollout mapping of a real organisation's trail (2023)",
  },
  "taxconsole.amazonaws.com": {
    eventNames: "*",
    why: "the Tax settings console's backend (GetTaxExemptionTypes, GetTaxRegistration...) has no public model; the tax API logs under tax.amazonaws.com",
    evidence:
      "GetTaxExemptionTypes under taxconsole.amazonaws.com in jSherz's SCP-rollout mapping of a real organisation's trail (2023); AWS Billing user guide's \"CloudTrail events for Tax settings console\" table",
  },
  "kms.amazonaws.com": {
    eventNames: ["SynchronizeMultiRegionKey"],
    why: "KMS logs its own synchronisation of multi-Region keys as an API call with no public operation",
    evidence: "AWS docs example record in the development corpus (awsdocs, KMS: SynchronizeMultiRegionKey invoked by AWS Internal)",
  },
};

/** The unmodeled entry that takes (eventSource, eventName), if any. */
export function unmodeledEntry(eventSource: string, eventName: string): UnmodeledEntry | undefined {
  const entry = Object.hasOwn(UNMODELED, eventSource) ? UNMODELED[eventSource] : undefined;
  if (!entry) return undefined;
  if (entry.eventNames === "*" || entry.eventNames.includes(eventName)) return entry;
  return entry.eventNamePrefixes?.some((p) => eventName.startsWith(p)) ? entry : undefined;
}

export function unmodeledApiCalls(): LoggedService {
  return {
    name: UNMODELED_API_CALLS,
    eventSource: ANY_EVENT_SOURCE,
    apiVersion: NO_API_VERSION,
    protocol: NO_PROTOCOL,
    serviceFullName: "API calls no model describes",
    serviceId: "Unmodeled API Calls",
    doc:
      "Console-internal and agent API calls (cloudshell, sqlworkbench, supportplans, ssm agent calls...) that no model describes: " +
      "the envelope is checked, requestParameters and responseElements are open.",
    defs: {},
    operations: [
      {
        name: UNMODELED_FALLBACK,
        eventNames: [],
        doc:
          "Any API call listed as unmodeled (see the table in the generator's curated/unmodeled.ts): the envelope is validated, " +
          "requestParameters and responseElements are whatever the service logs.",
        request: { kind: "any" },
        response: { kind: "any" },
        readOnly: false,
      },
    ],
    curated: true,
  };
}
