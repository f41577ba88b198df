/** JSON schemas of the API's requests, for validation and for the OpenAPI document. */
export const idParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "integer", minimum: 1 } },
} as const;

export const versionParams = {
  type: "object",
  required: ["id", "number"],
  properties: { id: { type: "integer", minimum: 1 }, number: { type: "integer", minimum: 1 } },
} as const;

export const loginBody = {
  type: "object",
  required: ["username", "password"],
  properties: { username: { type: "string", maxLength: 64 }, password: { type: "string", maxLength: 200 } },
} as const;

export const accountBody = {
  type: "object",
  required: ["username", "password", "role"],
  properties: {
    username: { type: "string", maxLength: 64 },
    displayName: { type: "string", maxLength: 100 },
    password: { type: "string", maxLength: 200 },
    role: { type: "string", enum: ["admin", "reviewer", "preparer"] },
    department: { type: "string", maxLength: 200 },
  },
} as const;

export const narrativeBody = {
  type: "object",
  required: ["baseVersion"],
  properties: {
    baseVersion: { type: "integer", minimum: 1 },
    sections: {
      type: "array",
      maxItems: 100,
      items: {
        type: "object",
        required: ["id", "text"],
        properties: { id: { type: "string", maxLength: 50 }, text: { type: "string", maxLength: 20000 } },
      },
    },
    reasons: {
      type: "array",
      maxItems: 500,
      items: {
        type: "object",
        required: ["section", "fact", "reason"],
        properties: {
          section: { type: "string", maxLength: 50 },
          fact: { type: "integer", minimum: 0 },
          reason: { type: "string", maxLength: 20000 },
        },
      },
    },
  },
} as const;

export const actionBody = {
  type: "object",
  required: ["baseVersion"],
  properties: { baseVersion: { type: "integer", minimum: 1 }, comment: { type: "string", maxLength: 20000 } },
} as const;

export const commentBody = {
  type: "object",
  required: ["text"],
  properties: {
    tableId: { type: "string", maxLength: 20 },
    rowKey: { type: "string", maxLength: 200 },
    text: { type: "string", maxLength: 20000 },
  },
} as const;
