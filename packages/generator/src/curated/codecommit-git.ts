/**
 * CodeCommit Git events: what CloudTrail logs under `codecommit.amazonaws.com` when a Git client talks to a
 * repository over HTTPS or SSH. They are not API operations (botocore's codecommit has no GitPull), so
 * they are written here from AWS's documentation.
 *
 * Sources: AWS CodeCommit User Guide, "Logging AWS CodeCommit API calls with AWS CloudTrail" (Git client
 * calls GitPull and GitPush are logged; the page shows a GitPush entry), and its four example records in the
 * development corpus (awsdocs): GitPull and GitPush, each with and without data transferred.
 *
 * What the records show: `requestParameters` is null for GitPull and for a push that sent nothing, and
 * `{references: [{commit, ref}]}` for a push that updated references; `responseElements` is null;
 * `additionalEventData` says how and what: `{protocol: "HTTP"|"SSH", capabilities: [...], dataTransferred,
 * repositoryName, repositoryId, shallow}`. Named `codecommit-git` beside botocore's `codecommit`: the two
 * share the eventSource and never an eventName (a test checks it).
 */
import type { LogField, LoggedOperation, LoggedService, LogType } from "../log-model.js";
import { byName, NO_API_VERSION } from "./shared.js";

export const CODECOMMIT_GIT = "codecommit-git";
export const CODECOMMIT_EVENT_SOURCE = "codecommit.amazonaws.com";

const field = (name: string, type: LogType, doc: string): LogField => ({ name, type, required: false, doc });
const str = (): LogType => ({ kind: "string" });

/** additionalEventData of every Git event (open: AWS may add keys). */
function gitDetails(): LogType {
  return {
    kind: "object",
    open: true,
    doc: "How the Git client reached the repository and whether data moved.",
    fields: [
      field("capabilities", { kind: "array", items: str() }, "The Git protocol capabilities the client negotiated (multi_ack_detailed, side-band-64k, report-status...)."),
      field("dataTransferred", { kind: "boolean" }, "Whether objects were transferred (false for an up-to-date pull or an empty push)."),
      field("protocol", str(), "The transport: HTTP (HTTPS, git-remote-codecommit) or SSH."),
      field("repositoryId", str(), "The repository's ID."),
      field("repositoryName", str(), "The repository's name."),
      field("shallow", { kind: "boolean" }, "Whether the fetch was shallow (GitPull)."),
    ].sort(byName),
  };
}

/** GitPush requestParameters: the references the push updated. */
function pushRequest(): LogType {
  const reference: LogType = {
    kind: "object",
    open: true,
    doc: "One reference the push updated.",
    fields: [field("commit", str(), "The commit the reference now points to."), field("ref", str(), "The reference (refs/heads/main).")],
  };
  return { kind: "object", open: true, fields: [field("references", { kind: "array", items: reference }, "The references updated by the push.")] };
}

function op(name: string, doc: string, request: LogType | null, readOnly: boolean): LoggedOperation {
  return { name, eventNames: [name], doc, request, response: null, readOnly, eventType: "AwsApiCall", additionalEventData: gitDetails() };
}

export function codecommitGit(): LoggedService {
  return {
    name: CODECOMMIT_GIT,
    eventSource: CODECOMMIT_EVENT_SOURCE,
    apiVersion: NO_API_VERSION,
    protocol: "git",
    serviceFullName: "AWS CodeCommit Git events",
    serviceId: "CodeCommit Git",
    doc: "Git client calls to CodeCommit repositories (git fetch/pull/clone, git push), logged under codecommit.amazonaws.com.",
    defs: {},
    operations: [
      op("GitPull", "A Git client fetched from the repository (git clone, fetch or pull). requestParameters is null.", null, true),
      op("GitPush", "A Git client pushed to the repository. requestParameters lists the updated references when data was transferred, else null.", pushRequest(), false),
    ].sort(byName),
    curated: true,
  };
}
