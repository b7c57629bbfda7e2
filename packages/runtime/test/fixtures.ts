/**
 * Records written for these tests, shaped like what CloudTrail delivers (identities, timestamps, the
 * services' own spellings). Fresh copies on every call, so a test can change one freely.
 */

const identity = () => ({
  type: "IAMUser",
  principalId: "AIDAJ45Q7YFFAREXAMPLE",
  arn: "arn:aws:iam::123456789012:user/dana",
  accountId: "123456789012",
  accessKeyId: "AKIAI44QH8DHBEXAMPLE",
  userName: "dana",
});

/** A record as tests handle it: any field may be read, changed or deleted. */
export type TestRecord = Record<string, unknown> & { requestParameters?: unknown; responseElements?: unknown; eventName: string };

const envelope = (eventSource: string, eventName: string, extra: Record<string, unknown> = {}): TestRecord => ({
  eventVersion: "1.09",
  userIdentity: identity(),
  eventTime: "2024-06-11T14:03:27Z",
  eventSource,
  eventName,
  awsRegion: "eu-west-1",
  sourceIPAddress: "198.51.100.23",
  userAgent: "aws-cli/2.17.1 md/awscrt#0.20.11 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8",
  requestID: "5a1f0c3e-7d2b-4e19-9b8a-0c6d2f4e1a37",
  eventID: "c2b8e4d1-3f6a-4b27-8e90-1d5c7a9f2b64",
  readOnly: false,
  eventType: "AwsApiCall",
  managementEvent: true,
  recipientAccountId: "123456789012",
  eventCategory: "Management",
  tlsDetails: { tlsVersion: "TLSv1.3", cipherSuite: "TLS_AES_128_GCM_SHA256", clientProvidedHostHeader: "iam.amazonaws.com" },
  ...extra,
});

export const iamCreatePolicy = () =>
  envelope("iam.amazonaws.com", "CreatePolicy", {
    awsRegion: "us-east-1",
    requestParameters: {
      policyName: "deploy-artifacts-read",
      description: "Read access to the deploy artifacts bucket",
      policyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::deploy-artifacts/*"}]}',
    },
    responseElements: {
      policy: {
        policyName: "deploy-artifacts-read",
        policyId: "ANPAQ3EGSTKFN5EXAMPLE",
        arn: "arn:aws:iam::123456789012:policy/deploy-artifacts-read",
        path: "/",
        defaultVersionId: "v1",
        attachmentCount: 0,
        permissionsBoundaryUsageCount: 0,
        isAttachable: true,
        createDate: "Jun 11, 2024 2:03:27 PM",
        updateDate: "Jun 11, 2024 2:03:27 PM",
      },
    },
  });

/** EC2 as it logs: query wire names, `items` lists and `{}` for an empty list (both modes accept them). */
export const ec2RunInstances = () =>
  envelope("ec2.amazonaws.com", "RunInstances", {
    requestParameters: {
      instancesSet: { items: [{ imageId: "ami-0a1b2c3d4e5f67890", minCount: 1, maxCount: 1 }] },
      instanceType: "t3.micro",
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      clientToken: "0e7c2f1a-5b9d-4c3e-8f6a-2d1b0c9e8f7a",
    },
    responseElements: {
      requestId: "5a1f0c3e-7d2b-4e19-9b8a-0c6d2f4e1a37",
      reservationId: "r-0f1e2d3c4b5a69788",
      ownerId: "123456789012",
      groupSet: {},
      instancesSet: {
        items: [
          {
            instanceId: "i-0123456789abcdef0",
            imageId: "ami-0a1b2c3d4e5f67890",
            instanceState: { code: 0, name: "pending" },
            instanceType: "t3.micro",
            launchTime: 1718114607000,
            placement: { availabilityZone: "eu-west-1b", tenancy: "default" },
            monitoring: { state: "disabled" },
            subnetId: "subnet-0a1b2c3d",
            vpcId: "vpc-0a1b2c3d",
            privateIpAddress: "10.0.1.25",
          },
        ],
      },
    },
  });

export const stsAssumeRole = () =>
  envelope("sts.amazonaws.com", "AssumeRole", {
    readOnly: true,
    requestParameters: { roleArn: "arn:aws:iam::123456789012:role/ci-deployer", roleSessionName: "build-4711", durationSeconds: 3600 },
    responseElements: {
      credentials: { accessKeyId: "ASIAIOSFODNN7EXAMPLE", sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE", expiration: "Jun 11, 2024 3:03:27 PM" },
      assumedRoleUser: { assumedRoleId: "AROAEXAMPLEID:build-4711", arn: "arn:aws:sts::123456789012:assumed-role/ci-deployer/build-4711" },
    },
  });

export const errorEvent = (): TestRecord => {
  const r = iamCreatePolicy();
  delete r.responseElements;
  return { ...r, errorCode: "EntityAlreadyExists", errorMessage: "A policy called deploy-artifacts-read already exists." };
};

export const consoleLogin = (): TestRecord => ({
  ...envelope("signin.amazonaws.com", "ConsoleLogin", { eventType: "AwsConsoleSignIn", requestParameters: null, responseElements: { ConsoleLogin: "Success" } }),
  additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "Yes" },
});

/** The EventBridge event that carries a record (detail-type "AWS API Call via CloudTrail"). */
export const eventBridge = (detail: unknown) => ({
  version: "0",
  id: "6f2a9c1e-0d4b-4c7a-9e8f-1b2c3d4e5f60",
  "detail-type": "AWS API Call via CloudTrail",
  source: "aws.iam",
  account: "123456789012",
  time: "2024-06-11T14:03:27Z",
  region: "us-east-1",
  resources: [],
  detail,
});

/**
 * RunInstances as a later EC2 may log it: an instance type and a request member the model does not know yet.
 * Compatible mode accepts it (AWS adds values and members); strict mode does not.
 */
export const ec2RunInstancesFromTheFuture = (): TestRecord => {
  const record = ec2RunInstances();
  const params = record.requestParameters as Record<string, unknown>;
  params.instanceType = "t9.nano";
  params.acceleratorProfile = { name: "future" };
  return record;
};
