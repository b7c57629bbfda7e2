/**
 * botocore JSON -> typed service model. Checks the assumptions later stages rely on (known shape types,
 * no dangling references) and turns documentation HTML into text, so nothing downstream re-checks them.
 */
import { htmlToText } from "./docs.js";
import { GeneratorError } from "./errors.js";
import type { Member, Operation, Protocol, Shape, ServiceMetadata, ServiceModel, ShapeType } from "./model.js";
import { SHAPE_TYPES } from "./model.js";

type Json = Record<string, any>;

export interface NormalizeOptions {
  botocoreVersion: string;
  /** Keep documentation (default true). The CLI and emitters need it; a fast index does not. */
  docs?: boolean;
}

const PROTOCOLS: readonly Protocol[] = ["json", "rest-json", "query", "ec2", "rest-xml", "smithy-rpc-v2-cbor"];

/** `service#/path (botocore x.y.z)`: where a problem is, for error messages. */
const placeOf = (service: string, options: NormalizeOptions) => (path: string) => `${service}#${path} (botocore ${options.botocoreVersion})`;

const docOf = (options: NormalizeOptions) =>
  options.docs === false ? (_html: unknown) => undefined : (html: unknown) => (typeof html === "string" ? htmlToText(html) : undefined);

export function normalize(service: string, raw: unknown, options: NormalizeOptions): ServiceModel {
  const where = placeOf(service, options);
  const doc = docOf(options);
  if (!raw || typeof raw !== "object") throw new GeneratorError("E_MODEL", `model is not a JSON object at ${where("/")}`);
  const json = raw as Json;
  const metadata = normalizeMetadata(service, json.metadata, options);

  const shapes = new Map<string, Shape>();
  const rawShapes = (json.shapes ?? {}) as Record<string, Json>;
  for (const name of Object.keys(rawShapes).sort()) shapes.set(name, normalizeShape(service, name, rawShapes[name]!, options));

  // Every reference must resolve: later stages follow them without checking.
  const mustExist = (target: string, path: string) => {
    if (!shapes.has(target)) throw new GeneratorError("E_MODEL", `Missing shape "${target}" referenced at ${where(path)}`);
  };
  for (const shape of shapes.values()) {
    for (const m of shape.members ?? []) mustExist(m.shape, `/shapes/${shape.name}/members/${m.name}`);
    if (shape.member) mustExist(shape.member.shape, `/shapes/${shape.name}/member`);
    if (shape.key) mustExist(shape.key.shape, `/shapes/${shape.name}/key`);
    if (shape.value) mustExist(shape.value.shape, `/shapes/${shape.name}/value`);
  }

  const operations: Operation[] = Object.keys((json.operations ?? {}) as Json)
    .sort()
    .map((name) => {
      const op = normalizeOperation(service, name, json.operations[name] as Json, options);
      if (op.input) mustExist(op.input.shape, `/operations/${name}/input`);
      if (op.output) mustExist(op.output.shape, `/operations/${name}/output`);
      return op;
    });

  const model: ServiceModel = { name: service, metadata, operations, shapes };
  const sd = doc(json.documentation);
  if (sd) model.doc = sd;
  return model;
}

/*
 * The parts of normalize(), one model element each, for readers that normalize only what they reach (the
 * CLI's lookup). They do not check that references resolve; normalize() does, for whole models.
 */

export function normalizeMetadata(service: string, raw: unknown, options: NormalizeOptions): ServiceMetadata {
  const where = placeOf(service, options);
  const meta = (raw ?? {}) as Json;
  const protocol = meta.protocol as Protocol;
  if (!PROTOCOLS.includes(protocol)) {
    throw new GeneratorError("E_MODEL", `Unknown protocol "${String(meta.protocol)}" at ${where("/metadata/protocol")}`);
  }
  return {
    apiVersion: String(meta.apiVersion ?? ""),
    protocol,
    protocols: (Array.isArray(meta.protocols) ? meta.protocols : [protocol]).filter((p: unknown): p is Protocol =>
      PROTOCOLS.includes(p as Protocol),
    ),
    endpointPrefix: String(meta.endpointPrefix ?? service),
    signingName: meta.signingName,
    serviceId: String(meta.serviceId ?? service),
    serviceFullName: String(meta.serviceFullName ?? meta.serviceId ?? service),
    serviceAbbreviation: meta.serviceAbbreviation,
    targetPrefix: meta.targetPrefix,
    jsonVersion: meta.jsonVersion,
    globalEndpoint: meta.globalEndpoint,
    uid: meta.uid,
  };
}

export function normalizeShape(service: string, name: string, s: Json, options: NormalizeOptions): Shape {
  const where = placeOf(service, options);
  const doc = docOf(options);
  const type = s.type as ShapeType;
  if (!SHAPE_TYPES.includes(type)) {
    throw new GeneratorError("E_MODEL", `Unknown shape type "${String(s.type)}" at ${where(`/shapes/${name}`)}`);
  }
  const shape: Shape = { name, type };
  const d = doc(s.documentation);
  if (d) shape.doc = d;
  if (type === "structure") {
    const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
    shape.members = Object.entries((s.members ?? {}) as Record<string, Json>).map(([mname, m]) => {
      const member: Member = { name: mname, shape: String(m.shape), required: required.has(mname) };
      const md = doc(m.documentation);
      if (md) member.doc = md;
      if (m.locationName !== undefined) member.locationName = String(m.locationName);
      if (m.queryName !== undefined) member.queryName = String(m.queryName);
      if (m.location !== undefined) member.location = String(m.location);
      if (m.flattened) member.flattened = true;
      if (m.deprecated) member.deprecated = true;
      if (m.idempotencyToken) member.idempotencyToken = true;
      if (m.jsonvalue) member.jsonvalue = true;
      if (m.streaming) member.streaming = true;
      if (m.hostLabel) member.hostLabel = true;
      if (s.payload === mname) member.payload = true;
      return member;
    });
    if (s.union) shape.union = true;
    if (s.document) shape.document = true;
    if (s.exception) shape.exception = true;
  } else if (type === "list") {
    shape.member = { shape: String(s.member?.shape), ...(s.member?.locationName ? { locationName: s.member.locationName } : {}) };
  } else if (type === "map") {
    shape.key = { shape: String(s.key?.shape), ...(s.key?.locationName ? { locationName: s.key.locationName } : {}) };
    shape.value = { shape: String(s.value?.shape), ...(s.value?.locationName ? { locationName: s.value.locationName } : {}) };
  }
  if (s.document) shape.document = true;
  if (Array.isArray(s.enum)) shape.enum = s.enum.map(String);
  if (typeof s.min === "number") shape.min = s.min;
  if (typeof s.max === "number") shape.max = s.max;
  if (typeof s.pattern === "string") shape.pattern = s.pattern;
  if (s.sensitive) shape.sensitive = true;
  if (typeof s.timestampFormat === "string") shape.timestampFormat = s.timestampFormat;
  if (s.deprecated) shape.deprecated = true;
  if (s.flattened) shape.flattened = true;
  if (typeof s.locationName === "string") shape.locationName = s.locationName;
  if (s.streaming) shape.streaming = true;
  if (s.sparse) shape.sparse = true;
  return shape;
}

export function normalizeOperation(service: string, name: string, o: Json, options: NormalizeOptions): Operation {
  const doc = docOf(options);
  const op: Operation = { name, errors: (o.errors ?? []).map((e: Json) => String(e.shape)).sort() };
  const d = doc(o.documentation);
  if (d) op.doc = d;
  if (o.input?.shape) op.input = { shape: o.input.shape, ...(o.input.locationName ? { locationName: o.input.locationName } : {}) };
  if (o.output?.shape) op.output = { shape: o.output.shape, ...(o.output.resultWrapper ? { resultWrapper: o.output.resultWrapper } : {}) };
  if (o.http) op.http = { method: String(o.http.method), requestUri: String(o.http.requestUri) };
  if (o.deprecated) op.deprecated = true;
  return op;
}
